// Pitfall!: the score starts at 2000; the high nibble of 0x80 draws the spare lives (0xA two, 0x8 one), and the game
// is over once none is left while the logo timer at 0x9E runs. UP starts the game.
import { Game, ram, bcd3 } from '../game';

export class Pitfall extends Game {
  constructor() {
    super();
    this.rom = 'pitfall';
    this.md5 = '3e90cf23106f2e08b2781e41299de556';
    this.startingActions = [2];
  }

  initialLives(): i32 {
    return 3;
  }

  reset(): void {
    super.reset();
    this.score = 2000;
  }

  step(): void {
    const score = bcd3(0xd7, 0xd6, 0xd5);
    this.scoreIs(score);
    const livesNibble = ram(0x80) >> 4;
    const logoTimer = ram(0x9e);
    this.terminal = livesNibble == 0 && logoTimer != 0;
    this.livesLeft = livesNibble == 0xa ? 3 : (livesNibble == 0x8 ? 2 : 1);
  }
}
