// Entombed: the score is 0xE3 in binary; the game ends when the low two bits of 0xC7 (lives) are 0.
import { Game, ram } from '../game';

export class Entombed extends Game {
  constructor() {
    super();
    this.rom = 'entombed';
    this.md5 = '6b683be69f92958abe0e2a9945157ad5';
    this.difficulties = [0, 2];
    this.startingActions = [1, 0, 0, 0, 0, 0];
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = ram(0xe3);
    this.scoreIs(score);
    this.terminal = (ram(0xc7) & 0x03) == 0;
  }
}
