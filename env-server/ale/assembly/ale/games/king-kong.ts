// King Kong (PAL): 0xEE counts lives; the game is over at 0. Before play 0xEC holds twice the game number.
import { Game, ram, bcd2, actionBits } from '../game';

export class KingKong extends Game {
  constructor() {
    super();
    this.rom = 'king_kong';
    this.md5 = '0dd4c69b5f9a7ae96a7a08329496779a';
    this.detectsAsPal = true;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5]);
    this.modes = [0, 1, 2, 3];
    this.modeAddress = 0xec;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd2(0x83, 0x82);
    this.scoreIs(score);
    this.livesLeft = ram(0xee);
    this.terminal = this.livesLeft == 0;
  }

  modeMatches(mode: i32): bool {
    return ram(this.modeAddress) == 2 * mode;
  }
}
