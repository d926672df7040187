// Amidar: 0xD6 = 0x80 ends the game; its low nibble is the lives counter (0 right after a reset, 8-11 in play).
import { Game, ram, bcd3, actionBits } from '../game';

export class Amidar extends Game {
  constructor() {
    super();
    this.rom = 'amidar';
    this.md5 = 'acb7750b4d0c4bd34969802a7deb2990';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 10, 11, 12, 13]);
    this.difficulties = [0, 3];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xd9, 0xda, 0xdb);
    this.scoreIs(score);
    const livesByte = ram(0xd6);
    this.terminal = livesByte == 0x80;
    this.livesLeft = livesByte & 0xf;
  }
}
