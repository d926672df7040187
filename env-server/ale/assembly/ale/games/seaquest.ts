// Seaquest.
import { Game, ram, bcd3 } from '../game';

export class Seaquest extends Game {
  constructor() {
    super();
    this.rom = 'seaquest';
    this.md5 = '240bfbac5163af4df5ae713985386f92';
    this.difficulties = [0, 1];
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0xba, 0xb9, 0xb8);
    this.scoreIs(score);
    this.terminal = ram(0xa3) != 0;
    this.livesLeft = ram(0xbb) + 1;
  }
}
