// Atlantis II: like Atlantis, 0xF1 = 0xFF ends the game, and that frame scores nothing; the score is in units.
import { Game, ram, bcd3, actionBits } from '../game';

export class Atlantis2 extends Game {
  constructor() {
    super();
    this.rom = 'atlantis2';
    this.md5 = '826481f6fc53ea47c9f272f7050eedf7';
    this.minimalActions = actionBits([0, 1, 11, 12]);
  }

  step(): void {
    this.livesLeft = ram(0xf1);
    this.terminal = this.livesLeft == 0xff;
    if (this.terminal) {
      this.reward = 0;
    } else {
      const score = bcd3(0xa1, 0xa2, 0xa3);
      this.scoreIs(score);
    }
  }
}
