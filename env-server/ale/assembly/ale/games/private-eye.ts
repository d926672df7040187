// Private Eye: the score starts at 1000; the game ends when the copyright timer at 0xC2 leaves 0 and 1. ALE reports
// no lives. UP starts the game.
import { Game, ram, bcd3 } from '../game';

export class PrivateEye extends Game {
  constructor() {
    super();
    this.rom = 'private_eye';
    this.md5 = 'ef3a4f64b6494ba770862768caf04b86';
    this.modes = [0, 1, 2, 3, 4];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0x80;
    this.selectFrames = 2;
    this.startingActions = [2];
  }

  reset(): void {
    super.reset();
    this.score = 1000;
  }

  step(): void {
    const score = bcd3(0xca, 0xc9, 0xc8);
    this.scoreIs(score);
    const copyrightTimer = ram(0xc2);
    this.terminal = copyrightTimer != 0 && copyrightTimer != 1;
  }

  lives(): i32 {
    return 0;
  }
}
