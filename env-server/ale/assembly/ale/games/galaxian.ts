// Galaxian: six BCD digits that wrap at 1,000,000; bit 7 of 0xBF marks the game over.
import { Game, ram, bcd3, actionBits } from '../game';

export class Galaxian extends Game {
  constructor() {
    super();
    this.rom = 'galaxian';
    this.md5 = '211774f4c5739042618be8ff67351177';
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.modes = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    this.modeAddress = 0xb3;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xae, 0xad, 0xac);
    let reward = score - this.score;
    if (reward < 0) reward = 1000000 - this.score + score;
    this.reward = reward;
    this.score = score;
    this.terminal = (ram(0xbf) & 0x80) != 0;
    // 0xB9 holds the reserve ships drawn below the playfield.
    this.livesLeft = this.terminal ? 0 : ram(0xb9) + 1;
  }
}
