// Phoenix: five BCD digits of tens of points (the fifth in the high nibble of 0xC7); 0xCC = 0x80 is the game over
// and the low 3 bits of 0xCB count lives.
import { Game, ram, bcd2, actionBits } from '../game';

export class Phoenix extends Game {
  constructor() {
    super();
    this.rom = 'phoenix';
    this.md5 = '7e52a95074a66640fcfde124fffd491a';
    this.minimalActions = actionBits([0, 1, 3, 4, 5, 11, 12, 13]);
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    const score = 10 * (10 * bcd2(0xc8, 0xc9) + (ram(0xc7) >> 4));
    this.scoreIs(score);
    const state = ram(0xcc);
    this.terminal = state == 0x80;
    this.livesLeft = ram(0xcb) & 7;
  }
}
