// Mr. Do! (PAL): score in tens (BCD, 0x82 the low byte); 0xDB counts lives and 0xDA = 0x40 is the game over.
import { Game, ram, bcd2, actionBits } from '../game';

export class MrDo extends Game {
  constructor() {
    super();
    this.rom = 'mr_do';
    this.md5 = 'aa7bb54d2c189a31bb1fa20099e42859';
    this.detectsAsPal = true;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 10, 11, 12, 13]);
    this.modes = [0, 1, 2, 3];
    this.modeAddress = 0x80;
    this.selectFrames = 5;
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = 10 * bcd2(0x82, 0x83);
    this.scoreIs(score);
    this.livesLeft = ram(0xdb);
    this.terminal = ram(0xda) == 0x40;
  }
}
