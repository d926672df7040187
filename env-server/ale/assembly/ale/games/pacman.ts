// Pac-Man (PAL): 0x98 counts reserve lives; the game is over when none is left and the animation counter at 0xE4
// reads 0x3F. Before play 0xCC shows the game number and 0xE6 the players, which is how ALE selects a mode.
import { Game, ram, bcd3, actionBits } from '../game';

export class Pacman extends Game {
  constructor() {
    super();
    this.rom = 'pacman';
    this.md5 = 'fc2233fc116faef0d3c31541717ca2db';
    this.detectsAsPal = true;
    this.minimalActions = actionBits([0, 2, 3, 4, 5]);
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7];
    this.difficulties = [0, 1];
    this.modeAddress = 0xcc;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0xcc, 0xce, 0xd0);
    this.scoreIs(score);
    this.livesLeft = ram(0x98) + 1;
    const animation = ram(0xe4);
    this.terminal = this.livesLeft == 1 && animation == 0x3f;
  }

  // Game number (from 1) and one player (0).
  modeMatches(mode: i32): bool {
    const game = (ram(0xcc) - 1) & 0xff;
    const onePlayer = ram(0xe6) == 0;
    return game == mode && onePlayer;
  }
}
