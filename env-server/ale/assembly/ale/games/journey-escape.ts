// Journey Escape: cash in BCD (the 50,000 the band starts with is no reward); the game ends when the clock at
// 0x95:0x96 reaches 0:00. lives() is always 0 in ALE.
import { Game, ram, bcd3, actionBits } from '../game';

export class JourneyEscape extends Game {
  constructor() {
    super();
    this.rom = 'journey_escape';
    this.md5 = '718ae62c70af4e5fd8e932fee216948a';
    this.height = 230;
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17]);
    this.difficulties = [0, 1];
    this.startingActions = [1];
  }

  step(): void {
    const score = bcd3(0x92, 0x91, 0x90);
    const reward = score - this.score;
    this.reward = reward == 50000 ? 0 : reward;
    this.score = score;
    const minutes = ram(0x95);
    const seconds = ram(0x96);
    this.terminal = minutes == 0 && seconds == 0;
  }
}
