// Space War: the BCD byte at 0xA7 is the player's score in play and the game number on the menu (modes 6-17, ALE's
// default 6); a game ends at 10 points or when the timer at 0x80 runs out. PAL.
import { Game, ram, bcd } from '../game';

export class SpaceWar extends Game {
  constructor() {
    super();
    this.rom = 'space_war';
    this.md5 = 'b702641d698c60bcdc922dbd8c9dd49c';
    this.detectsAsPal = true;
    this.modes = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
    this.modeAddress = 0xa7;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  modeMatches(mode: i32): bool {
    return bcd(this.modeAddress) == mode;
  }

  step(): void {
    const score = bcd(0xa7);
    this.scoreIs(score);
    const timer = ram(0x80);
    this.terminal = score == 10 || timer == 0;
  }
}
