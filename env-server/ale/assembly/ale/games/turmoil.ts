// Turmoil: four BCD digits at 0x89 (low) and 0x8A plus the byte at 0xD3, in tens; lives at 0xB9, and the game is
// over when they reach 0 and 0xC5 reads 1 (read only then, as ALE does). FIRE starts the game.
import { Game, ram, bcd, actionBits } from '../game';

export class Turmoil extends Game {
  constructor() {
    super();
    this.rom = 'turmoil';
    this.md5 = '7a5463545dfb2dcfdafa6074b2f2c15e';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12]);
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    this.modeAddress = 0xea;
    this.selectFrames = 2;
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    let score = bcd(0x89);
    score += 100 * bcd(0x8a);
    score += ram(0xd3);
    score *= 10;
    this.scoreIs(score);
    this.livesLeft = ram(0xb9);
    this.terminal = this.livesLeft == 0 && ram(0xc5) == 1;
  }
}
