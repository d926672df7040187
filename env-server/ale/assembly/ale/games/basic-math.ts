// Basic Math (Fun with Numbers): a point per right answer (BCD 0x84); the game ends when 0x86 is non-zero.
import { Game, ram, bcd, actionBits } from '../game';

export class BasicMath extends Game {
  constructor() {
    super();
    this.rom = 'basic_math';
    this.md5 = '819aeeb9a2e11deb54e6de334f843894';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5]);
    this.modes = [5, 6, 7, 8];
    this.difficulties = [0, 2, 3];
    this.modeAddress = 0xc5;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = bcd(0x84);
    this.scoreIs(score);
    this.terminal = bcd(0x86) != 0;
  }
}
