// Zaxxon: four BCD digits at 0xE9 (low) and 0xE8, in hundreds; lives in the low three bits of 0xEA, the game ends
// at 0.
import { Game, ram, bcd } from '../game';

export class Zaxxon extends Game {
  constructor() {
    super();
    this.rom = 'zaxxon';
    this.md5 = 'eea0da9b987d661264cce69a7c13c3bd';
    this.modes = [0, 8, 16, 24];
    this.modeAddress = 0x82;
    this.selectFrames = 10;
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    let score = bcd(0xe9);
    score += 100 * bcd(0xe8);
    score *= 100;
    this.scoreIs(score);
    this.livesLeft = ram(0xea) & 7;
    this.terminal = this.livesLeft == 0;
  }
}
