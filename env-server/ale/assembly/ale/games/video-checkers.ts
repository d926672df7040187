// Video Checkers: the game ends when one side has no piece left on the board (32 bytes in four rows of eight from
// 0x80; 0x10/0x20 black, 0x90/0xA0 white): +1 when white is gone, -1 when black is, the other way round in the
// give-away modes (11-19, which the menu byte at 0xF6 numbers 17-25). The reward is only set then.
import { Game, Console, ram, actionBits } from '../game';

const ROWS: StaticArray<i32> = [0x80, 0x89, 0x92, 0x9b];

export class VideoCheckers extends Game {
  giveAway: bool = false;

  constructor() {
    super();
    this.rom = 'video_checkers';
    this.md5 = '539d26b6e9df0da8e7465f0f5ad863b7';
    this.drawEveryFrame = true;
    this.minimalActions = actionBits([1, 6, 7, 8, 9]);
    this.modes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    this.modeAddress = 0xf6;
  }

  initialLives(): i32 {
    return 1;
  }

  selectMode(mode: i32, console: Console): void {
    this.giveAway = mode >= 11;
    const menu = this.giveAway ? mode + 6 : mode;
    while (ram(this.modeAddress) != menu) console.pressSelect(1);
    console.softReset();
  }

  step(): void {
    let black = 0;
    let white = 0;
    for (let row = 0; row < 4; row++) {
      for (let address = ROWS[row]; address < ROWS[row] + 8; address++) {
        const square = ram(address);
        if (square == 0x10 || square == 0x20) black++;
        else if (square == 0x90 || square == 0xa0) white++;
      }
    }
    if (black == 0) {
      this.reward = this.giveAway ? 1 : -1;
      this.terminal = true;
    } else if (white == 0) {
      this.reward = this.giveAway ? -1 : 1;
      this.terminal = true;
    }
  }

  extraState(): i32 {
    return this.giveAway ? 1 : 0;
  }

  setExtraState(value: i32): void {
    this.giveAway = value != 0;
  }
}
