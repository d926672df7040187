// Solaris: six BCD digits, lowest at 0xDC, in tens; the game ends when the lives byte at 0xD9 reads 0.
import { Game, ram, bcd3 } from '../game';

export class Solaris extends Game {
  constructor() {
    super();
    this.rom = 'solaris';
    this.md5 = 'e72eb8d4410152bdcb69e7fba327b420';
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = 10 * bcd3(0xdc, 0xdd, 0xde);
    this.scoreIs(score);
    const livesByte = ram(0xd9);
    this.terminal = livesByte == 0;
    this.livesLeft = livesByte & 15;
  }
}
