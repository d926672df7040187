// Crossbow: score BCD over 0x8D (lowest), 0x8C, 0x8B; 0xE7 = 0x82 ends the game. The mode shows as 0x8D - 1.
import { Game, ram, bcd3 } from '../game';

export class Crossbow extends Game {
  constructor() {
    super();
    this.rom = 'crossbow';
    this.md5 = '8cd26dcf249456fe4aeb8db42d49df74';
    this.modes = [0, 2, 4, 6];
    this.difficulties = [0, 1];
    this.modeAddress = 0x8d;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  modeMatches(mode: i32): bool {
    return ((ram(0x8d) - 1) & 0xff) == mode;
  }

  step(): void {
    const score = bcd3(0x8d, 0x8c, 0x8b);
    this.scoreIs(score);
    this.terminal = ram(0xe7) == 0x82;
  }
}
