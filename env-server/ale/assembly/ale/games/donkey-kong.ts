// Donkey Kong: game over when no life is left (0xA3) and 0x8F, 0x8B show the end screen.
import { Game, ram, bcd } from '../game';

export class DonkeyKong extends Game {
  constructor() {
    super();
    this.rom = 'donkey_kong';
    this.md5 = '36b20c427975760cb9cf4a47e41369e4';
  }

  initialLives(): i32 {
    return 2;
  }

  step(): void {
    let score = bcd(0x88);
    score += 100 * bcd(0x87);
    score *= 100;
    this.scoreIs(score);
    this.livesLeft = ram(0xa3);
    this.terminal = this.livesLeft == 0 && ram(0x8f) == 0x03 && ram(0x8b) == 0x1f;
  }
}
