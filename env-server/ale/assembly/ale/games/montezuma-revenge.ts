// Montezuma's Revenge.
import { Game, ram, bcd3 } from '../game';

export class MontezumaRevenge extends Game {
  constructor() {
    super();
    this.rom = 'montezuma_revenge';
    this.md5 = '3347a6dd59049b15a38394aa2dafa585';
  }

  initialLives(): i32 {
    return 6;
  }

  step(): void {
    const score = bcd3(0x95, 0x94, 0x93);
    this.scoreIs(score);
    const lives = ram(0xba);
    const marker = ram(0xfe);
    this.terminal = lives == 0 && marker == 0x60;
    this.livesLeft = (lives & 7) + 1;
  }
}
