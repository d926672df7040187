// Running mean and variance per feature (Welford's online update), for RND's observation and reward
// normalisation.

export class RunningStats {
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  count = 0;

  constructor(readonly size: number) {
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }

  update(x: ArrayLike<number>): void {
    this.count++;
    for (let i = 0; i < this.size; i++) {
      const d = x[i] - this.mean[i];
      this.mean[i] += d / this.count;
      this.m2[i] += d * (x[i] - this.mean[i]);
    }
  }

  /** Standard deviations, floored at `eps` so constant features do not divide by zero. */
  std(eps = 1e-8): Float32Array {
    return Float32Array.from(this.m2, (m) => Math.sqrt(Math.max(this.count > 1 ? m / (this.count - 1) : 1, eps * eps)));
  }
}
