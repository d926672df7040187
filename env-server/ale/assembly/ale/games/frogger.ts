// Frogger: 0xD0 counts frogs left and reads 0xFF once the last one is gone.
import { Game, ram, bcd2, actionBits } from '../game';

export class Frogger extends Game {
  constructor() {
    super();
    this.rom = 'frogger';
    this.md5 = '081e2c114c9c20b61acf25fc95c71bf4';
    this.minimalActions = actionBits([0, 2, 3, 4, 5]);
    this.modes = [0, 1, 2];
    this.difficulties = [0, 1];
    this.modeAddress = 0xdd;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd2(0xce, 0xcc);
    this.scoreIs(score);
    this.livesLeft = ram(0xd0);
    this.terminal = ram(0xd0) == 0xff;
  }

  // The mode byte holds the game number, odd numbers only: mode m is game 2m + 1.
  modeMatches(mode: i32): bool {
    return ram(this.modeAddress) == 1 + 2 * mode;
  }
}
