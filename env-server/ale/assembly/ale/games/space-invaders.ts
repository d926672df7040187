// Space Invaders: four BCD digits of score that wrap at 10,000.
import { Game, ram, bcd, actionBits } from '../game';

export class SpaceInvaders extends Game {
  constructor() {
    super();
    this.rom = 'space_invaders';
    this.md5 = '72ffbef6504b75e69ee1045af9075f66';
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    this.difficulties = [0, 1];
    this.modeAddress = 0xdc;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    let score = bcd(0xe8);
    score += 100 * bcd(0xe6);
    let reward = score - this.score;
    if (reward < 0) reward = 10000 - this.score + score;
    this.reward = reward;
    this.score = score;
    this.livesLeft = ram(0xc9);
    const flags = ram(0x98);
    this.terminal = (flags & 0x80) != 0 || this.livesLeft == 0;
  }
}
