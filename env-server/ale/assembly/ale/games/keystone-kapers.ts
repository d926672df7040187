// Keystone Kapers (PAL): a RESET press starts the game; it is over when 0x96 (lives) and 0x88 are both 0.
import { Game, ram, bcd2, actionBits } from '../game';
import { RESET } from '../actions';

export class KeystoneKapers extends Game {
  constructor() {
    super();
    this.rom = 'keystone_kapers';
    this.md5 = '6c1f3f2e359dbf55df462ccbcdd2f6bf';
    this.detectsAsPal = true;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    this.startingActions = [RESET];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd2(0x9c, 0x9b);
    this.scoreIs(score);
    this.livesLeft = ram(0x96);
    this.terminal = this.livesLeft == 0 && ram(0x88) == 0;
  }
}
