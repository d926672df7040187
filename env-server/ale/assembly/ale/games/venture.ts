// Venture: four BCD digits at 0xC8 (low) and 0xC7, in hundreds; the game is over when no spare life is left (0xC6),
// the sound byte at 0xCD reads 0xFF and bit 7 of the death byte at 0xBF is set.
import { Game, ram, bcd } from '../game';

export class Venture extends Game {
  constructor() {
    super();
    this.rom = 'venture';
    this.md5 = '3e899eba0ca8cd2972da1ae5479b4f0d';
    this.difficulties = [0, 1, 2, 3];
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    let score = bcd(0xc8);
    score += 100 * bcd(0xc7);
    score *= 100;
    this.scoreIs(score);
    const spare = ram(0xc6);
    const sound = ram(0xcd);
    const death = ram(0xbf);
    this.terminal = spare == 0 && sound == 0xff && (death & 0x80) != 0;
    this.livesLeft = (spare & 7) + 1;
  }
}
