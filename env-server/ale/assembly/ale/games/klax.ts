// Klax (PAL, F6 with a Superchip): score, misses and level live in the cart's extra RAM, read through its read
// port as ALE does; the game ends at the allowed number of misses, with the 25-tile bin full during play, or at
// level 99. No life counter: lives() is 1 until the end.
import { Game, Console, ram } from '../game';
import { mapRead } from '../../memory-map';

const SCORE_LOW: u32 = 0xf0b4;
const SCORE_MIDDLE: u32 = 0xf0b5;
const SCORE_HIGH: u32 = 0xf0b6;
const MISSES: u32 = 0xf0ee;
const MISSES_ALLOWED: u32 = 0xf0e9;
const LEVEL: u32 = 0xf09d;
const MODE: u32 = 0xf0ea;
const BIN = 0xb3;
const BIN_SIZE = 25;

function bcdAt(address: u32): i32 {
  const v = <i32>mapRead(address);
  return 10 * (v >> 4) + (v & 15);
}

export class Klax extends Game {
  constructor() {
    super();
    this.rom = 'klax';
    this.md5 = 'eed9eaf1a0b6a2b9bc4c8032cb43e3fb';
    this.detectsAsPal = true;
    this.modes = [0, 1, 2];
    this.startingActions = [1, 0];
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    let score = bcdAt(SCORE_LOW);
    score += 100 * bcdAt(SCORE_MIDDLE);
    score += 10000 * bcdAt(SCORE_HIGH);
    this.scoreIs(score);
    const misses = <i32>mapRead(MISSES);
    const allowed = <i32>mapRead(MISSES_ALLOWED);
    const playing = ram(0xa8) == 4;
    let tiles = 0;
    for (let i = 0; i < BIN_SIZE; i++) {
      // Values 0, 2, 6, 10 and 14 are empty cells.
      const cell = ram(BIN + i);
      if (cell != 0 && cell != 2 && cell != 6 && cell != 10 && cell != 14) tiles++;
    }
    const level = <i32>mapRead(LEVEL);
    this.terminal = (allowed > 0 && misses == allowed) || (playing && tiles == BIN_SIZE) || level == 0x99;
  }

  // The mode byte is in the cart's RAM too.
  selectMode(mode: i32, console: Console): void {
    while (<i32>mapRead(MODE) != mode) console.pressSelect(2);
    console.softReset();
  }
}
