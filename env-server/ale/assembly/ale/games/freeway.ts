// Freeway: one point per crossing; the game ends when the timer flag at 0x96 is set.
import { Game, ram, bcd, actionBits } from '../game';

export class Freeway extends Game {
  constructor() {
    super();
    this.rom = 'freeway';
    this.md5 = '8e0ab801b1705a740b476b7f588c6d16';
    this.minimalActions = actionBits([0, 2, 5]);
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7];
    this.difficulties = [0, 1];
    this.modeAddress = 0x80;
  }

  step(): void {
    const score = bcd(0xe7);
    let reward = score - this.score;
    if (reward < 0) reward = 0;
    if (reward > 1) reward = 1;
    this.reward = reward;
    this.score = score;
    this.terminal = ram(0x96) == 1;
  }
}
