// TRON Deadly Discs: six BCD digits, lowest at 0xBF; 0xC8 counts hits and the fifth ends the game.
import { Game, ram, bcd3 } from '../game';

export class Trondead extends Game {
  constructor() {
    super();
    this.rom = 'trondead';
    this.md5 = 'fb27afe896e7c928089307b32e5642ee';
    this.difficulties = [0, 1];
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    const score = bcd3(0xbf, 0xbe, 0xbd);
    this.scoreIs(score);
    const hits = ram(0xc8);
    this.terminal = hits == 5;
    this.livesLeft = 5 - hits;
  }
}
