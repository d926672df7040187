// Carnival: the game ends when the ammunition (0x83) runs out; no lives. Its screen starts at line 26, 214 rows.
import { Game, ram, bcd, actionBits } from '../game';

export class Carnival extends Game {
  constructor() {
    super();
    this.rom = 'carnival';
    this.md5 = '028024fb8e5e5f18ea586652f9799c96';
    this.firstLine = 26;
    this.height = 214;
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
  }

  step(): void {
    let score = bcd(0xae);
    score += 100 * bcd(0xad);
    score *= 10;
    this.scoreIs(score);
    this.terminal = ram(0x83) < 1;
  }

  lives(): i32 {
    return 0;
  }
}
