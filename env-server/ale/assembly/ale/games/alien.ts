// Alien: five score digits, one byte each (0x80 = blank), in tens; lives in the low nibble of 0xC0, which lives()
// reports even at game over.
import { Game, ram } from '../game';

function digit(address: i32): i32 {
  const v = ram(address);
  return v == 0x80 ? 0 : v >> 3;
}

export class Alien extends Game {
  constructor() {
    super();
    this.rom = 'alien';
    this.md5 = 'f1a0a23e6464d954e3a9579c4ccd01c8';
    this.modes = [0, 1, 2, 3];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0x81;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    let score = digit(0x8b);
    score += 10 * digit(0x89);
    score += 100 * digit(0x87);
    score += 1000 * digit(0x85);
    score += 10000 * digit(0x83);
    score *= 10;
    this.scoreIs(score);
    this.livesLeft = ram(0xc0) & 15;
    this.terminal = this.livesLeft == 0;
  }

  lives(): i32 {
    return this.livesLeft;
  }

  modeSelected(mode: i32): void {
    this.livesLeft = ram(0xc0) & 15;
  }
}
