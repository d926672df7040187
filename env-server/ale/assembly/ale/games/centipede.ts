// Centipede: score BCD over 0xF6 (lowest), 0xF5, 0xF4, never a negative reward; lives = bits 4-6 of 0xED, plus 1;
// bit 6 of 0xA6 ends the game. Modes 0x16 and 0x56.
import { Game, ram, bcd3 } from '../game';

export class Centipede extends Game {
  constructor() {
    super();
    this.rom = 'centipede';
    this.md5 = '91c2098e88a6b13f977af8c003e0bca5';
    this.modes = [0x16, 0x56];
    this.modeAddress = 0xa7;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xf6, 0xf5, 0xf4);
    const reward = score - this.score;
    this.reward = reward < 0 ? 0 : reward;
    this.score = score;
    this.livesLeft = ((ram(0xed) >> 4) & 7) + 1;
    this.terminal = (ram(0xa6) & 0x40) != 0;
  }
}
