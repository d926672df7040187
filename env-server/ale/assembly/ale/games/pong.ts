// Pong (Video Olympics): paddles; the score difference is the reward.
import { Game, ram, actionBits } from '../game';
import { PADDLES } from '../../input';

export class Pong extends Game {
  constructor() {
    super();
    this.rom = 'pong';
    this.md5 = '60e0ea3cbe0913d39803477945e9e5ec';
    this.leftController = PADDLES;
    this.rightController = PADDLES;
    this.swapPaddles = true;
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.modes = [0, 1];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0x96;
    this.selectFrames = 2;
  }

  step(): void {
    const cpu = ram(0x8d);
    const player = ram(0x8e);
    const score = player - cpu;
    this.scoreIs(score);
    this.terminal = cpu == 21 || player == 21;
  }
}
