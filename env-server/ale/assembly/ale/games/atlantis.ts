// Atlantis: the score is six BCD digits in hundreds; at game over 0xA1 holds garbage, so that frame scores nothing.
import { Game, ram, bcd3, actionBits } from '../game';

export class Atlantis extends Game {
  constructor() {
    super();
    this.rom = 'atlantis';
    this.md5 = '9ad36e699ef6f45d9eb6c4cf90475c9f';
    this.minimalActions = actionBits([0, 1, 11, 12]);
    this.modes = [0, 1, 2, 3];
    this.modeAddress = 0x8d;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 6;
  }

  step(): void {
    const score = 100 * bcd3(0xa2, 0xa3, 0xa1);
    this.livesLeft = ram(0xf1);
    this.terminal = this.livesLeft == 0xff;
    if (this.terminal) {
      this.reward = 0;
    } else {
      this.scoreIs(score);
    }
  }
}
