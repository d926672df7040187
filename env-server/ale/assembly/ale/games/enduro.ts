// Enduro: the score counts cars passed over the days (200 on day 1, 300 after).
import { Game, ram, bcd, actionBits } from '../game';

export class Enduro extends Game {
  constructor() {
    super();
    this.rom = 'enduro';
    this.md5 = '94b92a882f6dbaa6993a46e2dcc58402';
    this.minimalActions = actionBits([0, 1, 3, 4, 5, 8, 9, 11, 12]);
    this.startingActions = [1];
  }

  step(): void {
    let score = 0;
    const level = ram(0xad);
    if (level != 0) {
      let passed = bcd(0xab);
      passed += 100 * bcd(0xac);
      passed = (level == 1 ? 200 : 300) - passed;
      if (level >= 2) score = 200 + (level - 2) * 300;
      score += passed;
    }
    this.scoreIs(score);
    this.terminal = ram(0xaf) == 0xff;
  }
}
