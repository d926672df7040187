// E.T. The Extra-Terrestrial: ALE's terminal test wants E.T.'s life counter plus one to be 0, which never happens,
// so an episode never ends by itself (as in ALE).
import { Game, ram, bcd3 } from '../game';

export class Et extends Game {
  constructor() {
    super();
    this.rom = 'et';
    this.md5 = '615a3bf251a38eb6638cdc7ffbde5480';
    this.modes = [0, 1, 2];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0xea;
    this.selectFrames = 25;
  }

  step(): void {
    const score = bcd3(0xe1, 0xe0, 0xdf);
    this.scoreIs(score);
    this.livesLeft = ram(0xe5) + 1;
    const phase = ram(0x80);
    this.terminal = this.livesLeft == 0 && phase == 8;
  }

  // The mode byte counts games from 1.
  modeMatches(mode: i32): bool {
    return ((ram(this.modeAddress) - 1) & 0xff) == mode;
  }
}
