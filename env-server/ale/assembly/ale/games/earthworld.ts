// SwordQuest EarthWorld: a point per BCD step of 0xA7; the game ends at 10.
import { Game, bcd } from '../game';

export class Earthworld extends Game {
  constructor() {
    super();
    this.rom = 'earthworld';
    this.md5 = '5aea9974b975a6a844e6df10d2b861c4';
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = bcd(0xa7);
    this.scoreIs(score);
    this.terminal = score == 10;
  }
}
