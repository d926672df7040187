// Skiing: the score is the elapsed time in centiseconds (BCD at 0xEA, 0xE9; minutes at 0xE8), so each frame's
// reward is minus the time it took; the run ends when 0x91 reads 0xFF. ALE reports no lives. 16 DOWN presses start.
// The game takes no FIRE: ALE plays every action with FIRE as NOOP and leaves them out of the legal set.
import { Game, ram, bcd, repeat, actionBits } from '../game';

export class Skiing extends Game {
  constructor() {
    super();
    this.rom = 'skiing';
    this.md5 = 'b76fbadc8ffb1f83e2ca08b6fb4d6c9f';
    this.minimalActions = actionBits([0, 3, 4]);
    this.legalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.startingActions = repeat(5, 16);
  }

  step(): void {
    let centiseconds = bcd(0xea);
    centiseconds += 100 * bcd(0xe9);
    const minutes = ram(0xe8);
    const score = minutes * 6000 + centiseconds;
    this.reward = this.score - score;
    this.score = score;
    this.terminal = ram(0x91) == 0xff;
  }

  lives(): i32 {
    return 0;
  }
}
