// Breakout: a paddle on the left port; the game ends when the last ball is lost.
import { Game, ram, actionBits } from '../game';
import { PADDLES } from '../../input';

export class Breakout extends Game {
  started: bool = false;

  constructor() {
    super();
    this.rom = 'breakout';
    this.md5 = 'f34f08e5eb96e500e851a80be3277a56';
    this.leftController = PADDLES;
    this.minimalActions = actionBits([0, 1, 3, 4]);
    this.modes = [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44];
    this.difficulties = [0, 1];
    this.modeAddress = 0xb2;
  }

  initialLives(): i32 {
    return 5;
  }

  reset(): void {
    super.reset();
    this.started = false;
  }

  step(): void {
    const ones = ram(0xcd);
    const hundreds = ram(0xcc);
    const score = (ones & 15) + 10 * (ones >> 4) + 100 * (hundreds & 15);
    this.scoreIs(score);
    const balls = ram(0xb9);
    if (!this.started && balls == 5) this.started = true;
    this.terminal = this.started && balls == 0;
    this.livesLeft = balls;
  }

  extraState(): i32 {
    return this.started ? 1 : 0;
  }

  setExtraState(value: i32): void {
    this.started = value != 0;
  }
}
