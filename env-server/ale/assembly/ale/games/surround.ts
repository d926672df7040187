// Surround: the scores are BCD at 0xF6 (computer) and 0xF7 (player); the reward follows their difference and a game
// ends at 10. Its properties swap the ports: player A's joystick is read through the right port. The mode byte at
// 0xF9 holds the mode plus one.
import { Game, bcd, ram, actionBits } from '../game';

export class Surround extends Game {
  constructor() {
    super();
    this.rom = 'surround';
    this.md5 = '4d7517ae69f95cfbc053be01312b7dba';
    this.swapPorts = true;
    this.minimalActions = actionBits([0, 2, 3, 4, 5]);
    this.modes = [0, 2];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0xf9;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  modeMatches(mode: i32): bool {
    return ram(this.modeAddress) == mode + 1;
  }

  step(): void {
    const theirs = bcd(0xf6);
    const mine = bcd(0xf7);
    const score = mine - theirs;
    this.scoreIs(score);
    this.terminal = theirs == 10 || mine == 10;
  }
}
