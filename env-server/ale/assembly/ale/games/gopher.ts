// Gopher: the three carrots left are the lives (bits 0-2 of 0xB4); the game ends when the last is eaten.
import { Game, Console, ram, bcd3, actionBits } from '../game';

// Carrots left, from the carrot bits.
const CARROTS: StaticArray<i32> = [0, 1, 1, 2, 1, 2, 2, 3];

export class Gopher extends Game {
  constructor() {
    super();
    this.rom = 'gopher';
    this.md5 = 'c16c79aad6272baffb8aae9a7fff0864';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 10, 11, 12]);
    this.modes = [0, 2];
    this.difficulties = [0, 1];
    this.modeAddress = 0xd3;
    this.selectFrames = 5;
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xb2, 0xb1, 0xb0);
    this.scoreIs(score);
    const carrots = ram(0xb4) & 7;
    this.terminal = carrots == 0;
    this.livesLeft = CARROTS[carrots];
  }

  // ALE presses RESET once more before it looks at the mode byte.
  selectMode(mode: i32, console: Console): void {
    console.softReset();
    super.selectMode(mode, console);
  }
}
