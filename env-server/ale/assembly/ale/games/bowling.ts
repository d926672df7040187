// Bowling: the game ends after the tenth frame (0xA4 passes 0x10); no lives.
import { Game, ram, bcd, actionBits } from '../game';

export class Bowling extends Game {
  constructor() {
    super();
    this.rom = 'bowling';
    this.md5 = 'c9b7afad3bfd922e006a6bfc1d4f3fe7';
    this.minimalActions = actionBits([0, 1, 2, 5, 10, 13]);
    this.modes = [0, 2, 4];
    this.difficulties = [0, 1];
    this.modeAddress = 0x82;
    this.selectFrames = 2;
  }

  step(): void {
    let score = bcd(0xa1);
    score += 100 * bcd(0xa6);
    this.scoreIs(score);
    this.terminal = ram(0xa4) > 0x10;
  }

  lives(): i32 {
    return 0;
  }
}
