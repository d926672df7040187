// Pitfall II: the score starts at 4000 and the game ends only at the top score, 199,000; one life as ALE counts it.
import { Game, bcd3 } from '../game';

export class Pitfall2 extends Game {
  constructor() {
    super();
    this.rom = 'pitfall2';
    this.md5 = '6d842c96d5a01967be9680080dd5be54';
    this.startingActions = [2];
  }

  initialLives(): i32 {
    return 1;
  }

  reset(): void {
    super.reset();
    this.score = 4000;
  }

  step(): void {
    const score = bcd3(0xc9, 0xc8, 0xc7);
    this.scoreIs(score);
    this.terminal = score == 199000;
  }
}
