// Mario Bros.: 0x87 counts lives; the game is over at 0. Ten NOOPs and seven FIREs start it.
import { Game, ram, bcd2 } from '../game';

export class MarioBros extends Game {
  constructor() {
    super();
    this.rom = 'mario_bros';
    this.md5 = 'e908611d99890733be31733a979c62d8';
    this.modes = [0, 2, 4, 6];
    this.modeAddress = 0x80;
    this.selectFrames = 5;
    const start = new StaticArray<i32>(17);
    for (let i = 10; i < 17; i++) start[i] = 1;
    this.startingActions = start;
  }

  step(): void {
    const score = 100 * bcd2(0x8a, 0x89);
    this.scoreIs(score);
    this.livesLeft = ram(0x87);
    this.terminal = this.livesLeft == 0;
  }
}
