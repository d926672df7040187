// Kaboom!: a paddle on the left port; 0xA1 counts the buckets left, and the game ends with none (or at the top
// score, 999,999). No life counter: lives() is 1 until the end.
import { Game, ram, bcd3, actionBits } from '../game';
import { PADDLES } from '../../input';

export class Kaboom extends Game {
  constructor() {
    super();
    this.rom = 'kaboom';
    this.md5 = '5428cdfada281c569c74c7308c7f2c26';
    this.leftController = PADDLES;
    this.minimalActions = actionBits([0, 1, 3, 4]);
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = bcd3(0xa5, 0xa4, 0xa3);
    this.scoreIs(score);
    const buckets = ram(0xa1);
    this.terminal = buckets == 0 || score == 999999;
  }
}
