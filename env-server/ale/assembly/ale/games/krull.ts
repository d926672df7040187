// Krull: 0x9F counts reserve lives (low 3 bits); with none left, 0xA2 = 3 and 0x80 = 0x80 mark the game over.
import { Game, ram, bcd3 } from '../game';

export class Krull extends Game {
  constructor() {
    super();
    this.rom = 'krull';
    this.md5 = '4baada22435320d185c95b7dd2bcdb24';
    // Some frames end at the scanline limit, and the short frame after one shows rows of the frame before.
    this.drawEveryFrame = true;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0x9e, 0x9d, 0x9c);
    this.scoreIs(score);
    const lives = ram(0x9f);
    const phase = ram(0xa2);
    const screen = ram(0x80);
    this.terminal = lives == 0 && phase == 0x03 && screen == 0x80;
    this.livesLeft = (lives & 7) + 1;
  }
}
