// Asteroids: four BCD digits in tens that wrap at 100,000; lives in the high nibble of 0xBC. Modes 0-31 and the
// children's mode 0x80.
import { Game, ram, bcd, actionBits } from '../game';

export class Asteroids extends Game {
  constructor() {
    super();
    this.rom = 'asteroids';
    this.md5 = 'ccbd36746ed4525821a8083b0d6d2c2c';
    this.hmoveBlanks = false;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15]);
    const modes = new StaticArray<i32>(33);
    for (let i = 0; i < 32; i++) modes[i] = i;
    modes[32] = 0x80;
    this.modes = modes;
    this.difficulties = [0, 3];
    this.modeAddress = 0x80;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    let score = bcd(0xbe);
    score += 100 * bcd(0xbd);
    score *= 10;
    let reward = score - this.score;
    if (reward < 0) reward += 100000;
    this.reward = reward;
    this.score = score;
    this.livesLeft = ram(0xbc) >> 4;
    this.terminal = this.livesLeft == 0;
  }
}
