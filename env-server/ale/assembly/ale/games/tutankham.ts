// Tutankham: four BCD digits at 0x9C (low) and 0x9A; lives in the low two bits of 0x9E, and the game is over when
// 0x9E reads 0 unless 0x81 reads 0x84.
import { Game, ram, bcd, actionBits } from '../game';

export class Tutankham extends Game {
  constructor() {
    super();
    this.rom = 'tutankham';
    this.md5 = '085322bae40d904f53bdcc56df0593fc';
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 10, 11, 12]);
    this.modes = [0, 4, 8, 12];
    this.modeAddress = 0xab;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    let score = bcd(0x9c);
    score += 100 * bcd(0x9a);
    this.scoreIs(score);
    const livesByte = ram(0x9e);
    const phase = ram(0x81);
    this.terminal = livesByte == 0 && phase != 0x84;
    this.livesLeft = livesByte & 3;
  }
}
