// Yars' Revenge: six BCD digits, lowest at 0xE2; lives in the high nibble of 0x9E, the game ends at 0. ALE presses
// SELECT for two frames, then one frame at a time until the mode byte at 0xE3 matches. FIRE starts the game.
import { Game, Console, ram, bcd3 } from '../game';

export class YarsRevenge extends Game {
  constructor() {
    super();
    this.rom = 'yars_revenge';
    this.md5 = 'c5930d0e8cdae3e037349bfa08e871be';
    this.modes = [0, 0x20, 0x40, 0x60];
    this.difficulties = [0, 1];
    this.modeAddress = 0xe3;
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 4;
  }

  selectMode(mode: i32, console: Console): void {
    console.pressSelect(2);
    super.selectMode(mode, console);
  }

  step(): void {
    const score = bcd3(0xe2, 0xe1, 0xe0);
    this.scoreIs(score);
    this.livesLeft = ram(0x9e) >> 4;
    this.terminal = this.livesLeft == 0;
  }
}
