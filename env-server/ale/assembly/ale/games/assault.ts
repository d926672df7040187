// Assault: lives at 0xE5; the game ends when they reach 0.
import { Game, ram, bcd3, actionBits } from '../game';

export class Assault extends Game {
  constructor() {
    super();
    this.rom = 'assault';
    this.md5 = 'de78b3a064d374390ac0710f95edde92';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 11, 12]);
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0x82, 0x81, 0x80);
    this.scoreIs(score);
    this.livesLeft = ram(0xe5);
    this.terminal = this.livesLeft == 0;
  }
}
