// Mean and standard deviation of the last `size` values, for RND's intrinsic-reward normalisation in the recipe
// of the Gravitar notebook (z-scores over a moving window rather than a running std since the start).

export class WindowStats {
  readonly values: Float64Array;
  count = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be an integer >= 1, got ${size}`);
    this.values = new Float64Array(size);
  }

  push(x: number): void {
    this.values[this.count % this.size] = x;
    this.count++;
  }

  private get live(): Float64Array {
    return this.values.subarray(0, Math.min(this.count, this.size));
  }

  mean(): number {
    const v = this.live;
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  }

  /** Population standard deviation, floored at `eps` so a constant window does not divide by zero. */
  std(eps = 1e-8): number {
    const v = this.live;
    if (!v.length) return 1;
    const m = this.mean();
    return Math.max(Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length), eps);
  }
}
