// Kangaroo: 0xAD counts reserve lives (low 3 bits) and reads 0xFF once the game is over. Before play 0xBA shows
// the game (0x80 added on some frames).
import { Game, ram, bcd2 } from '../game';

export class Kangaroo extends Game {
  constructor() {
    super();
    this.rom = 'kangaroo';
    this.md5 = '4326edb70ff20d0ee5ba58fa5cb09d60';
    this.modes = [0, 1];
    this.modeAddress = 0xba;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = 100 * bcd2(0xa8, 0xa7);
    this.scoreIs(score);
    const lives = ram(0xad);
    this.terminal = lives == 0xff;
    this.livesLeft = (lives & 7) + 1;
  }

  modeMatches(mode: i32): bool {
    const value = ram(this.modeAddress);
    return value == mode || value == mode + 0x80;
  }
}
