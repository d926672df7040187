// n-step returns (Sutton 1988; used by Rainbow): each transition is emitted once the n later rewards are known,
// as (obs_t, a_t, Σ_{i<m} γ^i r_{t+i}, obs_{t+m}, discount) with m = n, or fewer at an episode's end. The discount
// is γ^m, or 0 when the episode terminated, so targets are R + discount · max Q(obs_{t+m}).

export interface Emitted<A> {
  obs: number;
  action: A;
  reward: number;
  nextObs: number;
  discount: number;
}

export class NStep<A> {
  private readonly pending: { obs: number; action: A; reward: number }[] = [];

  constructor(
    readonly n: number,
    readonly gamma: number,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n-step must be an integer >= 1, got ${n}`);
  }

  /**
   * One environment step from the observation with id `obs` to `nextObs`. Returns the transitions that are now
   * complete: the oldest pending one, or all of them when the episode ended (terminated, or truncated by a limit:
   * then bootstrapping continues from `nextObs`).
   */
  push(obs: number, action: A, reward: number, nextObs: number, terminated: boolean, truncated: boolean): Emitted<A>[] {
    this.pending.push({ obs, action, reward });
    const ended = terminated || truncated;
    if (!ended && this.pending.length < this.n) return [];
    const out: Emitted<A>[] = [];
    while (this.pending.length && (ended || out.length === 0)) {
      let ret = 0;
      let g = 1;
      for (const p of this.pending) {
        ret += g * p.reward;
        g *= this.gamma;
      }
      const first = this.pending.shift()!;
      out.push({ obs: first.obs, action: first.action, reward: ret, nextObs, discount: terminated ? 0 : g });
    }
    return out;
  }

  /** Drops unfinished transitions (the run stopped mid-episode). */
  clear(): void {
    this.pending.length = 0;
  }
}
