// Crazy Climber: four score digits, one byte each from 0x82 (lowest), in hundreds, never a negative reward;
// lives at 0xAA.
import { Game, ram, actionBits } from '../game';

export class CrazyClimber extends Game {
  constructor() {
    super();
    this.rom = 'crazy_climber';
    this.md5 = '55ef7b65066428367844342ed59f956c';
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.modes = [0, 1, 2, 3];
    this.difficulties = [0, 1];
    this.modeAddress = 0x80;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    let score = ram(0x82);
    score += 10 * ram(0x83);
    score += 100 * ram(0x84);
    score += 1000 * ram(0x85);
    score *= 100;
    const reward = score - this.score;
    this.reward = reward < 0 ? 0 : reward;
    this.score = score;
    this.livesLeft = ram(0xaa);
    this.terminal = this.livesLeft == 0;
  }
}
