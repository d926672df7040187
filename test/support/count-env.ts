// A tiny deterministic env for testing the server's mechanics independently of any real environment:
// obs = [steps taken, seed-dependent draw], action ∈ Discrete(3), reward = action, terminated after `length` steps.

import { Box, Discrete, type Native } from '../../proto/spaces.js';
import { Xoshiro128 } from '../../proto/rng.js';
import type { Env, EnvInfo, RgbFrame } from '../../env-server/envs/env.js';
import { InvalidOption } from '../../env-server/envs/env.js';
import type { Registration } from '../../env-server/registry.js';

export class CountEnv implements Env {
  readonly observationSpace = new Box(0, Infinity, [2], 'float32');
  readonly actionSpace = new Discrete(3);
  private t = 0;
  private readonly rng = new Xoshiro128(0);
  constructor(readonly length: number) {}
  reset(seed?: number) {
    if (seed !== undefined) this.rng.seed(seed);
    this.t = 0;
    return { obs: Float32Array.of(0, this.rng.random()), info: { start: true } };
  }
  step(action: Native) {
    this.t++;
    return { obs: Float32Array.of(this.t, this.rng.random()), reward: action as number, terminated: this.t >= this.length, truncated: false, info: { t: this.t } };
  }
  render(): RgbFrame {
    return { width: 2, height: 1, data: Uint8Array.of(this.t, 0, 0, 0, 0, 0) };
  }
}

export const COUNT_INFO: EnvInfo = {
  id: 'Count-v0',
  maxEpisodeSteps: 100,
  renderFps: 30,
  kwargs: { length: { description: 'steps until termination', default: 5 } },
};

export const COUNT_ENV: Registration = {
  info: COUNT_INFO,
  factory: (kw) => {
    const length = kw.length ?? 5;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) throw new InvalidOption(`length must be a positive integer, got ${JSON.stringify(length)}`);
    return new CountEnv(length);
  },
};
