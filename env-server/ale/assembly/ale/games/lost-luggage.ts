// Lost Luggage: 0xCA counts lives; with none left the game is over once 0xC8 = 0x0A and 0xA5 = 0xA9 = 0. ALE makes
// every fire action illegal (played as NOOP). Before play 0x94 shows the game number, 1 or 4.
import { Game, ram, bcd3, actionBits } from '../game';

export class LostLuggage extends Game {
  constructor() {
    super();
    this.rom = 'lost_luggage';
    this.md5 = '2d76c5d1aad506442b9e9fb67765e051';
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.legalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.modes = [0, 1];
    this.difficulties = [0, 1];
    this.modeAddress = 0x94;
    this.selectFrames = 2;
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0x96, 0x95, 0x94);
    this.scoreIs(score);
    this.livesLeft = ram(0xca);
    this.terminal = this.livesLeft == 0 && ram(0xc8) == 0x0a && ram(0xa5) == 0 && ram(0xa9) == 0;
  }

  modeMatches(mode: i32): bool {
    return ram(this.modeAddress) == 1 + 3 * mode;
  }
}
