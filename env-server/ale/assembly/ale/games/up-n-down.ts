// Up'n Down: six BCD digits, lowest at 0x82; the game is over when no spare life is left (0x86 & 15) and the death
// timer at 0x94 passes 0x40. FIRE starts the game.
import { Game, ram, bcd3, actionBits } from '../game';

export class UpNDown extends Game {
  constructor() {
    super();
    this.rom = 'up_n_down';
    this.md5 = 'a499d720e7ee35c62424de882a3351b6';
    this.firstLine = 30;
    this.minimalActions = actionBits([0, 1, 2, 5, 10, 13]);
    this.difficulties = [0, 1, 2, 3];
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    const score = bcd3(0x82, 0x81, 0x80);
    this.scoreIs(score);
    const spare = ram(0x86) & 15;
    const deathTimer = ram(0x94);
    this.terminal = deathTimer > 0x40 && spare == 0;
    this.livesLeft = spare + 1;
  }
}
