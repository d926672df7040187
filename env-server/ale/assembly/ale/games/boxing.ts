// Boxing: reward is the change in (own points - opponent's); 0xC0 in a score byte means a knockout (100); the bout
// also ends when the clock (0x90 minutes, 0x91 BCD seconds) reaches 0:00. No lives.
import { Game, ram, bcd } from '../game';

export class Boxing extends Game {
  constructor() {
    super();
    this.rom = 'boxing';
    this.md5 = 'c3ef5c4653212088eda54dc91d787870';
    this.difficulties = [0, 1, 2, 3];
  }

  step(): void {
    let mine = bcd(0x92);
    let theirs = bcd(0x93);
    if (ram(0x92) == 0xc0) mine = 100;
    if (ram(0x93) == 0xc0) theirs = 100;
    const score = mine - theirs;
    this.scoreIs(score);
    if (mine == 100 || theirs == 100) {
      this.terminal = true;
    } else {
      const minutes = ram(0x90) >> 4;
      let seconds = ram(0x91) & 0xf;
      seconds += (ram(0x91) >> 4) * 10;
      this.terminal = minutes == 0 && seconds == 0;
    }
  }

  lives(): i32 {
    return 0;
  }
}
