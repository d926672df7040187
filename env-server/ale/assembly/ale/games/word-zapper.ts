// Word Zapper: only while the clock at 0xCF runs: the score is 2 minus the signed byte at 0xDC (words left), and the
// game ends at 3 or when the time at 0xDE runs out; otherwise the last reward stands. A game starts after 486 idle
// frames, FIRE and two more.
import { Game, ram, bcd, repeat } from '../game';

function startingActions(): StaticArray<i32> {
  const actions = repeat(0, 489);
  actions[486] = 1;
  return actions;
}

export class WordZapper extends Game {
  constructor() {
    super();
    this.rom = 'word_zapper';
    this.md5 = 'ec3beb6d8b5689e867bafb5d5f507491';
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0xdb;
    this.selectFrames = 2;
    this.startingActions = startingActions();
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    if (bcd(0xcf) == 0) return;
    const score = 2 - <i32><i8>ram(0xdc);
    this.scoreIs(score);
    const timeLeft = bcd(0xde);
    this.terminal = score == 3 || timeLeft == 0;
  }
}
