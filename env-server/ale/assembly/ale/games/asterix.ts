// Asterix: the game ends when the death counter (0xC7) reads 1 on the last life (0xD3 low nibble).
import { Game, ram, bcd3, actionBits } from '../game';

export class Asterix extends Game {
  constructor() {
    super();
    this.rom = 'asterix';
    this.md5 = '89a68746eff7f266bbf08de2483abe55';
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xe0, 0xdf, 0xde);
    this.scoreIs(score);
    this.livesLeft = ram(0xd3) & 0xf;
    const deathCounter = ram(0xc7);
    this.terminal = deathCounter == 0x01 && this.livesLeft == 1;
  }
}
