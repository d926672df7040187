// Tetris: four BCD digits at 0xF1 (low) and 0xF2; only increases reward; bit 7 of 0xF3 ends the game, and then the
// score restarts from 0. ALE never reports lives.
import { Game, ram, bcd, actionBits } from '../game';

export class Tetris extends Game {
  constructor() {
    super();
    this.rom = 'tetris';
    this.md5 = 'b0e1ee07fbc73493eac5651a52f90f00';
    this.minimalActions = actionBits([0, 1, 3, 4, 5]);
  }

  step(): void {
    let score = bcd(0xf1);
    score += 100 * bcd(0xf2);
    this.reward = score > this.score ? score - this.score : 0;
    this.score = score;
    this.terminal = (ram(0xf3) & 0x80) != 0;
    if (this.terminal) this.score = 0;
  }

  lives(): i32 {
    return 0;
  }
}
