// Miniature Golf: the reward comes when a hole is finished: par minus the strokes taken on it. 0x87 shows the
// strokes, 0x88 the par while it is displayed (0 otherwise), 0xAF the hole; the game is over when the hole number
// goes back to 0. No life counter: lives() is 1 until the end.
import { Game, bcd } from '../game';

export class MiniatureGolf extends Game {
  hole: i32 = 0;
  par: i32 = 0;
  /** Strokes shown on the counter; strokes counted before it last went back down are in `score`. */
  strokes: i32 = 0;
  strokesAtHoleStart: i32 = 0;

  constructor() {
    super();
    this.rom = 'miniature_golf';
    this.md5 = 'df62a658496ac98a3aa4a6ee5719c251';
    this.difficulties = [0, 1];
  }

  initialLives(): i32 {
    return 1;
  }

  reset(): void {
    super.reset();
    this.hole = 0;
    this.par = 0;
    this.strokes = 0;
    this.strokesAtHoleStart = 0;
  }

  step(): void {
    this.reward = 0;
    const strokes = bcd(0x87);
    const par = bcd(0x88);
    const hole = bcd(0xaf);
    if (hole != this.hole) {
      const taken = this.strokes + this.score - this.strokesAtHoleStart;
      if (taken > 0) this.reward = this.par - taken;
      if (hole == 0) this.terminal = true;
      this.hole = hole;
      this.score = 0;
      this.strokesAtHoleStart = this.strokes;
    }
    if (par != 0) {
      this.par = par;
    } else {
      if (strokes < this.strokes) this.score += this.strokes;
      this.strokes = strokes;
    }
  }

  // Four counters of two BCD digits each (at most 165); the strokes carried over live in `score`.
  extraState(): i32 {
    return this.hole | (this.par << 8) | (this.strokes << 16) | (this.strokesAtHoleStart << 24);
  }

  setExtraState(value: i32): void {
    this.hole = value & 0xff;
    this.par = (value >> 8) & 0xff;
    this.strokes = (value >> 16) & 0xff;
    this.strokesAtHoleStart = (value >>> 24) & 0xff;
  }
}
