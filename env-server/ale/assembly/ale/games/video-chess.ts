// Video Chess: on white's turn (0xE1 = 0x82) the checkmate byte at 0xEE tells who lost: 0 black (+1), 1 white (-1),
// and the game ends.
import { Game, ram, actionBits } from '../game';

export class VideoChess extends Game {
  constructor() {
    super();
    this.rom = 'video_chess';
    this.md5 = 'f0b7db930ca0e548c41a97160b9f6275';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.modes = [0, 1, 2, 3, 4];
    this.modeAddress = 0xea;
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    this.reward = 0;
    if (ram(0xe1) != 0x82) return;
    const checkmate = ram(0xee);
    if (checkmate == 0) {
      this.reward = 1;
      this.terminal = true;
    } else if (checkmate == 1) {
      this.reward = -1;
      this.terminal = true;
    }
  }
}
