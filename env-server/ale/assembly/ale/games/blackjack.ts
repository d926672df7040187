// Blackjack: paddles over a range ALE widens (paddle_max 795,000). The chips are BCD over 0x89 (low) and 0x86;
// 0x0B/0xBB there means bust. The game ends bust or at 1,000 chips.
import { Game, ram, bcd, actionBits } from '../game';
import { PADDLES } from '../../input';

export class Blackjack extends Game {
  constructor() {
    super();
    this.rom = 'blackjack';
    this.md5 = '0a981c03204ac2b278ba392674682560';
    this.leftController = PADDLES;
    this.paddleMax = 795000;
    this.minimalActions = actionBits([0, 1, 2, 5]);
    this.difficulties = [0, 1, 2, 3];
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const bust = ram(0x86) == 0x0b && ram(0x89) == 0xbb;
    let score = 0;
    if (!bust) {
      score = bcd(0x89);
      score += 100 * bcd(0x86);
    }
    this.scoreIs(score);
    this.terminal = bust || score >= 1000;
  }
}
