// Othello: the reward is the change in (white discs - black discs), both BCD; the game is taken as over after more
// than 50 frames in a row with 0xC0 (the input flag) at 0. No life counter: lives() is 1 until the end.
import { Game, ram, bcd, actionBits } from '../game';

export class Othello extends Game {
  idleFrames: i32 = 0;

  constructor() {
    super();
    this.rom = 'othello';
    this.md5 = '113cd09c9771ac278544b7e90efe7df2';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.modes = [0, 1, 2];
    this.difficulties = [0, 2];
    this.modeAddress = 0xde;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  reset(): void {
    super.reset();
    this.idleFrames = 0;
  }

  step(): void {
    const white = bcd(0xce);
    const black = bcd(0xd0);
    const score = white - black;
    this.scoreIs(score);
    if (ram(0xc0) == 0) this.idleFrames++;
    else this.idleFrames = 0;
    this.terminal = this.idleFrames > 50;
  }

  // The mode byte counts games from 1.
  modeMatches(mode: i32): bool {
    return ((ram(this.modeAddress) - 1) & 0xff) == mode;
  }

  extraState(): i32 {
    return this.idleFrames;
  }

  setExtraState(value: i32): void {
    this.idleFrames = value;
  }
}
