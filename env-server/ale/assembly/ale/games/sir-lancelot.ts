// Sir Lancelot: lives at 0xA9; the game is over when they reach 0 and 0xA7 reads 0xA0 (read only then, as ALE
// does). A game starts with the console RESET, then LEFT.
import { Game, ram, bcd3, actionBits } from '../game';
import { RESET } from '../actions';

export class SirLancelot extends Game {
  constructor() {
    super();
    this.rom = 'sir_lancelot';
    this.md5 = 'dd0cbe5351551a538414fb9e37fc56e8';
    this.detectsAsPal = true;
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.startingActions = [RESET, 4];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xa0, 0x9f, 0x9e);
    this.scoreIs(score);
    this.livesLeft = ram(0xa9);
    this.terminal = this.livesLeft == 0 && ram(0xa7) == 0xa0;
  }
}
