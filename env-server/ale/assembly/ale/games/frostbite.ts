// Frostbite: the low nibble of 0xCC counts reserve lives; with none left, bit 7 of 0xF1 marks the game over.
import { Game, ram, bcd3 } from '../game';

export class Frostbite extends Game {
  constructor() {
    super();
    this.rom = 'frostbite';
    this.md5 = '4ca73eb959299471788f0b685c3ba0b5';
    this.modes = [0, 2];
    this.modeAddress = 0x80;
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0xca, 0xc9, 0xc8);
    this.scoreIs(score);
    const reserve = ram(0xcc) & 0xf;
    const over = ram(0xf1) & 0x80;
    this.terminal = reserve == 0 && over != 0;
    this.livesLeft = reserve + 1;
  }
}
