// Gravitar: 16 FIRE presses start a game; byte 0x81 tells title, play and game over apart.
import { Game, ram, bcd3, repeat } from '../game';

export class Gravitar extends Game {
  constructor() {
    super();
    this.rom = 'gravitar';
    this.md5 = '8ac18076d01a6b63acf6e2cab4968940';
    this.modes = [0, 1, 2, 3, 4];
    this.modeAddress = 0x80;
    this.selectFrames = 10;
    this.startingActions = repeat(1, 16);
  }

  initialLives(): i32 {
    return 6;
  }

  step(): void {
    const score = bcd3(0x89, 0x88, 0x87);
    this.scoreIs(score);
    const screen = ram(0x81);
    this.terminal = screen == 0x01;
    this.livesLeft = screen == 0 ? 6 : ram(0x84) + 1;
  }

  modeSelected(mode: i32): void {
    // Lives each mode starts with.
    if (mode == 0 || mode == 2) this.livesLeft = 6;
    else if (mode == 1) this.livesLeft = 15;
    else if (mode == 3) this.livesLeft = 100;
    else if (mode == 4) this.livesLeft = 25;
  }
}
