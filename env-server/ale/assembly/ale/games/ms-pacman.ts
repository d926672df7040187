// Ms. Pac-Man: modes combine a mode byte (0x99) and a variation byte (0xA1).
import { Game, ram, bcd3, actionBits } from '../game';

export class MsPacman extends Game {
  constructor() {
    super();
    this.rom = 'ms_pacman';
    this.md5 = '87e79cd41ce136fd4f72cc6e2c161bee';
    this.hmoveBlanks = false;
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.modes = [0, 1, 2, 3];
    this.modeAddress = 0x99;
    this.selectFrames = 10;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xf8, 0xf9, 0xfa);
    this.scoreIs(score);
    const livesByte = ram(0xfb) & 0xf;
    const deathTimer = ram(0xa7);
    this.terminal = livesByte == 0 && deathTimer == 0x53;
    this.livesLeft = (livesByte & 7) + 1;
  }

  modeMatches(mode: i32): bool {
    const current = ram(0x99);
    const variation = ram(0xa1);
    // Mode 0 is the standard game: mode byte 1, variation 1.
    return mode == 0 ? current == 1 && variation == 1 : current == mode && variation == 0;
  }
}
