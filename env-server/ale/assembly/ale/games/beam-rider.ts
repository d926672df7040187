// Beamrider: a life lost counts only once 0x8C reads 1 (the loss animation is over); 0x85 = 0xFF ends the game.
import { Game, ram, bcd3, actionBits } from '../game';

export class BeamRider extends Game {
  constructor() {
    super();
    this.rom = 'beam_rider';
    this.md5 = '79ab4123a83dc11d468fb2108ea09e2e';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 6, 7, 11, 12]);
    this.difficulties = [0, 1];
    this.startingActions = [3];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0x89, 0x8a, 0x8b);
    this.scoreIs(score);
    const lives = ram(0x85) + 1;
    if (lives != this.livesLeft - 1 || ram(0x8c) == 0x01) this.livesLeft = lives;
    this.terminal = ram(0x85) == 0xff;
  }
}
