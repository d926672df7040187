// Time Pilot: four BCD digits at 0x8D (low) and 0x8F, in hundreds; any non-zero 0xA0 ends the game. Lives (0x8B & 7,
// plus one) are only read while the screen byte's low nibble is 2 (play); otherwise the last count stays.
import { Game, ram, bcd, actionBits } from '../game';

export class TimePilot extends Game {
  constructor() {
    super();
    this.rom = 'time_pilot';
    this.md5 = 'fc2104dd2dadf9a6176c1c1c8f87ced9';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 10, 11, 12, 13]);
    this.difficulties = [0, 1, 2];
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    let score = bcd(0x8d);
    score += 100 * bcd(0x8f);
    score *= 100;
    this.scoreIs(score);
    const livesByte = ram(0x8b) & 7;
    const screen = ram(0x80) & 15;
    this.terminal = ram(0xa0) != 0;
    if (screen == 2) this.livesLeft = livesByte + 1;
  }
}
