// Chopper Command: 0 lives ends the game only once it has started (the chopper has faced right, 0xC2 bit 0);
// lives() reports the counter even then.
import { Game, ram, bcd } from '../game';

export class ChopperCommand extends Game {
  started: bool = false;

  constructor() {
    super();
    this.rom = 'chopper_command';
    this.md5 = 'c1cb228470a87beb5f36e90ac745da26';
    this.modes = [0, 2];
    this.difficulties = [0, 1];
    this.modeAddress = 0xe0;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  reset(): void {
    super.reset();
    this.started = false;
  }

  step(): void {
    let score = bcd(0xee);
    score += 100 * bcd(0xec);
    score *= 100;
    this.scoreIs(score);
    this.livesLeft = ram(0xe4) & 0xf;
    if ((ram(0xc2) & 1) != 0) this.started = true;
    this.terminal = this.started && this.livesLeft == 0;
  }

  lives(): i32 {
    return this.livesLeft;
  }

  extraState(): i32 {
    return this.started ? 1 : 0;
  }

  setExtraState(value: i32): void {
    this.started = value != 0;
  }
}
