// Q*bert: lives are counted by watching the lives byte step down.
import { Game, ram, bcd3, actionBits } from '../game';

export class Qbert extends Game {
  lastLives: i32 = 2;

  constructor() {
    super();
    this.rom = 'qbert';
    this.md5 = '484b0076816a104875e00467d431c2d2';
    this.firstLine = 40;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5]);
    this.difficulties = [0, 1];
  }

  initialLives(): i32 {
    return 4;
  }

  reset(): void {
    super.reset();
    this.lastLives = 2;
  }

  step(): void {
    const livesValue = ram(0x88);
    // 0xFE after the last death; 2 right after dying and restarting in one frame.
    this.terminal = livesValue == 0xfe || (livesValue == 0x02 && this.lastLives == -1);
    const signed = <i32><i8>livesValue;
    if (this.lastLives - 1 == signed) this.livesLeft--;
    this.lastLives = signed;
    if (!this.terminal) {
      const score = bcd3(0xdb, 0xda, 0xd9);
      this.scoreIs(score);
    } else {
      this.reward = 0;
    }
  }

  extraState(): i32 {
    return this.lastLives;
  }

  setExtraState(value: i32): void {
    this.lastLives = value;
  }
}
