// Dark Chambers: the game is over once the level (0xD5) or the score goes down, or health (0xCA) reaches 0;
// the title sequence takes 486 frames before play.
import { Game, ram, bcd, repeat } from '../game';

export class DarkChambers extends Game {
  level: i32 = 0;

  constructor() {
    super();
    this.rom = 'darkchambers';
    this.md5 = '106855474c69d08c8ffa308d47337269';
    this.hmoveBlanks = false;
    this.startingActions = repeat(0, 486);
  }

  initialLives(): i32 {
    return 1;
  }

  reset(): void {
    super.reset();
    this.level = 0;
  }

  step(): void {
    this.reward = 0;
    const level = ram(0xd5);
    if (level < this.level) {
      this.terminal = true;
      return;
    }
    this.level = level;
    let score = bcd(0xcc);
    score += 100 * bcd(0xcf);
    score *= 10;
    if (score < this.score) {
      this.terminal = true;
    } else {
      this.scoreIs(score);
    }
    if ((ram(0xca) & 0x1f) == 0) this.terminal = true;
  }

  extraState(): i32 {
    return this.level;
  }

  setExtraState(value: i32): void {
    this.level = value;
  }
}
