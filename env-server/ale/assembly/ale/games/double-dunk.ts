// Double Dunk: reward is the change in the points difference (BCD 0xF6 own, 0xF7 opponent's); the game ends when
// one side has 24 and 0xFE reads 0xE7. No lives. Modes 0-15 are four options (bits) set in a menu that the joystick
// walks through, as ALE's setMode does.
import { Game, Console, ram, bcd } from '../game';

const UP_FIRE = 10;
const RIGHT = 3;
const LEFT = 4;
const DOWN = 5;
const NOOP = 0;

// Menu lines after the first two, in order, and the bit of 0x80 each option sets; bit i of the mode turns line i on.
const OPTION_BITS: StaticArray<i32> = [0x08, 0x10, 0x04, 0x20];

function press(console: Console, action: i32): void {
  console.act(action);
  console.act(NOOP);
}

function nextLine(console: Console): void {
  const line = ram(0xb0);
  while (line == ram(0xb0)) press(console, DOWN);
}

export class DoubleDunk extends Game {
  constructor() {
    super();
    this.rom = 'double_dunk';
    this.md5 = '368d88a6c071caba60b4f778615aae94';
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    this.startingActions = [UP_FIRE];
  }

  step(): void {
    const mine = bcd(0xf6);
    const theirs = bcd(0xf7);
    const score = mine - theirs;
    this.scoreIs(score);
    const screen = ram(0xfe);
    this.terminal = (mine >= 24 || theirs >= 24) && screen == 0xe7;
  }

  lives(): i32 {
    return 0;
  }

  selectMode(mode: i32, console: Console): void {
    console.pressSelect(1);
    nextLine(console);
    for (let i = 0; i < OPTION_BITS.length; i++) {
      nextLine(console);
      const bit = OPTION_BITS[i];
      if ((mode >> i) & 1) {
        while ((ram(0x80) & bit) != bit) press(console, RIGHT);
      } else {
        while ((ram(0x80) & bit) == bit) press(console, LEFT);
      }
    }
    console.softReset();
    press(console, UP_FIRE);
  }
}
