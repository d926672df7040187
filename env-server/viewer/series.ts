// A curve of (x, y) points that spans a whole run in bounded memory: once full, neighbouring points merge in pairs
// (mean of y, x of the later one) and later points arrive already averaged over twice as many raw values. A
// training run of millions of episodes thus keeps its overall shape in `capacity` points, at a fixed cost per push.

export interface Point {
  /** Insertion number of the point's last raw value: a viewer asks for the points after the ones it has. */
  seq: number;
  x: number;
  y: number;
}

export class Series {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly seqs: Float64Array;
  private n = 0;
  /** Raw values per stored point. */
  private stride = 1;
  private pendingSum = 0;
  private pendingCount = 0;
  private pushed = 0;

  constructor(readonly capacity = 2048) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0) throw new RangeError(`series capacity must be an even integer >= 2, got ${capacity}`);
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
  }

  /** Raw values pushed so far. */
  get count(): number {
    return this.pushed;
  }

  push(x: number, y: number): void {
    this.pushed++;
    this.pendingSum += y;
    if (++this.pendingCount < this.stride) return;
    if (this.n === this.capacity) {
      this.halve();
      if (this.pendingCount < this.stride) return;
    }
    this.xs[this.n] = x;
    this.ys[this.n] = this.pendingSum / this.pendingCount;
    this.seqs[this.n] = this.pushed;
    this.n++;
    this.pendingSum = 0;
    this.pendingCount = 0;
  }

  /** Stored points inserted after `seq` (all of them for 0), oldest first. */
  since(seq: number): Point[] {
    let i = this.n;
    while (i > 0 && this.seqs[i - 1] > seq) i--;
    const out: Point[] = [];
    for (; i < this.n; i++) out.push({ seq: this.seqs[i], x: this.xs[i], y: this.ys[i] });
    return out;
  }

  private halve(): void {
    const half = this.capacity / 2;
    for (let i = 0; i < half; i++) {
      this.xs[i] = this.xs[2 * i + 1];
      this.ys[i] = (this.ys[2 * i] + this.ys[2 * i + 1]) / 2;
      this.seqs[i] = this.seqs[2 * i + 1];
    }
    this.n = half;
    this.stride *= 2;
  }
}
