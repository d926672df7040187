// H.E.R.O.: 0xB3 counts lives; the game is over at 0.
import { Game, ram, bcd3 } from '../game';

export class Hero extends Game {
  constructor() {
    super();
    this.rom = 'hero';
    this.md5 = 'fca4a5be1251927027f2c24774a02160';
    this.modes = [0, 1, 2, 3, 4];
    this.modeAddress = 0x80;
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0xb9, 0xb8, 0xb7);
    this.scoreIs(score);
    this.livesLeft = ram(0xb3);
    this.terminal = this.livesLeft == 0;
  }
}
