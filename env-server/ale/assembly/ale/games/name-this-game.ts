// Name This Game (Octopus): the low 3 bits of 0xC7 count lives; the game is over at 0. ALE plays game 8 by default,
// reached by pressing SELECT (mode byte 0xDE).
import { Game, ram, bcd3, actionBits } from '../game';

export class NameThisGame extends Game {
  constructor() {
    super();
    this.rom = 'name_this_game';
    this.md5 = '36306070f0c90a72461551a7a4f3a209';
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.modes = [8, 24, 40];
    this.difficulties = [0, 1];
    this.modeAddress = 0xde;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xc6, 0xc5, 0xc4);
    this.scoreIs(score);
    this.livesLeft = ram(0xc7) & 7;
    this.terminal = this.livesLeft == 0;
  }
}
