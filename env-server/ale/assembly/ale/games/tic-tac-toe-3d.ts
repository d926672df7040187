// 3-D Tic-Tac-Toe: the game is over when the program reaches 0xF310 (return address at 0xFE/0xFF; 0xE1 = 8 means
// the player won: +1, else -1) or when all 64 cells (0x9A..0xD9) are taken. It scans the cells up to the first free
// one, as ALE does.
import { Game, ram, actionBits } from '../game';

export class TicTacToe3d extends Game {
  constructor() {
    super();
    this.rom = 'tic_tac_toe_3d';
    this.md5 = '0db4f4150fecf77e4ce72ca4d04c052f';
    this.drawEveryFrame = true;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    this.difficulties = [0, 2];
    this.modeAddress = 0x88;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    this.reward = 0;
    const low = ram(0xfe);
    const high = ram(0xff);
    const winner = ram(0xe1);
    if (high == 0xf3 && low == 0x10) {
      this.reward = winner == 8 ? 1 : -1;
      this.terminal = true;
    }
    for (let cell = 0x9a; cell <= 0xd9; cell++) if (ram(cell) == 0) return;
    this.terminal = true;
  }
}
