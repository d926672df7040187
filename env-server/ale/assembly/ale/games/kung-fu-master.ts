// Kung-Fu Master: 0x9D counts reserve lives (low 3 bits) and reads 0xFF once the game is over.
import { Game, ram, bcd3, actionBits } from '../game';

export class KungFuMaster extends Game {
  constructor() {
    super();
    this.rom = 'kung_fu_master';
    this.md5 = '5b92a93b23523ff16e2789b820e2a4c5';
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 8, 9, 11, 12, 13, 14, 15, 16, 17]);
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0x9a, 0x99, 0x98);
    this.scoreIs(score);
    const lives = ram(0x9d);
    this.terminal = lives == 0xff;
    this.livesLeft = (lives & 7) + 1;
  }
}
