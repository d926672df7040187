// Exact optima of a tabular MDP given its transition table P[s][a] = [[prob, next, reward, terminated], …]
// (FrozenLake's `P`): discounted value iteration, and the finite-horizon optimum, which for FrozenLake under
// its time limit is the best possible success probability.

export type TransitionTable = readonly (readonly (readonly (readonly [number, number, number, boolean])[])[])[];

function backup(P: TransitionTable, V: Float64Array, s: number, a: number, gamma: number): number {
  let q = 0;
  for (const [p, next, r, done] of P[s][a]) q += p * (r + (done ? 0 : gamma * V[next]));
  return q;
}

/** V* and a greedy policy for discount gamma < 1, iterated until the largest change is below tol. */
export function valueIteration(P: TransitionTable, gamma: number, tol = 1e-12): { V: Float64Array; policy: Int32Array } {
  if (!(gamma >= 0 && gamma < 1)) throw new RangeError(`discounted value iteration needs gamma in [0, 1), got ${gamma}`);
  const V = new Float64Array(P.length);
  for (let delta = Infinity; delta > tol; ) {
    delta = 0;
    for (let s = 0; s < P.length; s++) {
      let best = -Infinity;
      for (let a = 0; a < P[s].length; a++) best = Math.max(best, backup(P, V, s, a, gamma));
      delta = Math.max(delta, Math.abs(best - V[s]));
      V[s] = best;
    }
  }
  const policy = Int32Array.from(P, (_, s) => {
    let best = 0;
    for (let a = 1; a < P[s].length; a++) if (backup(P, V, s, a, gamma) > backup(P, V, s, best, gamma) + 1e-12) best = a;
    return best;
  });
  return { V, policy };
}

/** The best expected undiscounted return within `horizon` steps from each state (a non-stationary policy). */
export function finiteHorizonOptimum(P: TransitionTable, horizon: number): Float64Array {
  let V = new Float64Array(P.length);
  for (let h = 0; h < horizon; h++) {
    const next = new Float64Array(P.length);
    for (let s = 0; s < P.length; s++) {
      let best = -Infinity;
      for (let a = 0; a < P[s].length; a++) best = Math.max(best, backup(P, V, s, a, 1));
      next[s] = best;
    }
    V = next;
  }
  return V;
}

/** The expected undiscounted return within `horizon` steps of a fixed policy, from each state. */
export function policyValue(P: TransitionTable, policy: ArrayLike<number>, horizon: number): Float64Array {
  let V = new Float64Array(P.length);
  for (let h = 0; h < horizon; h++) {
    const next = new Float64Array(P.length);
    for (let s = 0; s < P.length; s++) next[s] = backup(P, V, s, policy[s], 1);
    V = next;
  }
  return V;
}
