// The agents' generator: xoshiro128** (proto/rng) that counts its 32-bit draws, so a checkpoint stores just
// (seed, draws) and a resumed run replays the stream to the same point and takes the same next actions.

import { Xoshiro128 } from '../../../proto/rng.js';

export class CountingRng extends Xoshiro128 {
  private count = 0;

  constructor(private initialSeed: number) {
    super(initialSeed);
  }

  override nextU32(): number {
    this.count++;
    return super.nextU32();
  }

  /** Gaussian draws keep a spare between calls that (seed, draws) cannot restore, so agents never use them. */
  override normal(): number {
    throw new Error('CountingRng does not draw normals: its state must stay (seed, draws)');
  }

  state(): { seed: number; draws: number } {
    return { seed: this.initialSeed, draws: this.count };
  }

  /** Puts the generator where `state()` was taken, by replaying that many draws from the seed. */
  restore(s: { seed: number; draws: number }): void {
    this.initialSeed = s.seed;
    this.seed(s.seed);
    for (let i = 0; i < s.draws; i++) super.nextU32();
    this.count = s.draws;
  }
}
