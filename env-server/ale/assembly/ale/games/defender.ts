// Defender: six score digits in the low nibbles of 0x9C (lowest) to 0xA1, 0xA counting as 0; lives at 0xC2.
// Modes 1-9 and the easy mode 16.
import { Game, ram } from '../game';

export class Defender extends Game {
  constructor() {
    super();
    this.rom = 'defender';
    this.md5 = '0f643c34e40e3f1daafd9c524d3ffe64';
    this.modes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 16];
    this.difficulties = [0, 1];
    this.modeAddress = 0x9b;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    let score = 0;
    let unit = 1;
    for (let i = 0; i < 6; i++) {
      let v = ram(0x9c + i) & 0xf;
      if (v == 0xa) v = 0;
      score += v * unit;
      unit *= 10;
    }
    this.scoreIs(score);
    this.livesLeft = ram(0xc2);
    this.terminal = this.livesLeft == 0;
  }
}
