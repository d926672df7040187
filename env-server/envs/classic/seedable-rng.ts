// The generator an env owns. Gymnasium re-seeds on `reset(seed)`, so an env needs a generator it can re-seed;
// tests inject replay generators that implement the same interface.

import { type Rng, Xoshiro128, entropySeed } from '../../../proto/rng.js';

export interface SeedableRng extends Rng {
  seed(seed: number): void;
}

export function isSeedable(rng: Rng): rng is SeedableRng {
  return typeof (rng as Partial<SeedableRng>).seed === 'function';
}

/** A generator seeded from OS entropy, as Gymnasium's envs are until their first seeded reset. */
export function entropyRng(): SeedableRng {
  return new Xoshiro128(entropySeed());
}

/** Applies `reset(seed)` semantics: re-seed when a seed is given, keep the stream going otherwise. */
export function reseed(rng: Rng, seed: number | undefined): void {
  if (seed === undefined) return;
  if (!isSeedable(rng)) throw new TypeError(`reset(seed=${seed}) needs a seedable generator; this env was built with one that cannot be re-seeded`);
  rng.seed(seed);
}
