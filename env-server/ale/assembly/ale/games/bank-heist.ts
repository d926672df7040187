// Bank Heist: the game ends when the death timer (0xCE) reads 1 with no car left (0xD5).
import { Game, ram, bcd3 } from '../game';

export class BankHeist extends Game {
  constructor() {
    super();
    this.rom = 'bank_heist';
    this.md5 = '00ce0bdd43aed84a983bef38fe7f5ee3';
    this.modes = [0, 4, 8, 12, 16, 20, 24, 28];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0x80;
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    const score = bcd3(0xda, 0xd9, 0xd8);
    this.scoreIs(score);
    const deathTimer = ram(0xce);
    this.livesLeft = ram(0xd5);
    this.terminal = deathTimer == 0x01 && this.livesLeft == 0;
  }
}
