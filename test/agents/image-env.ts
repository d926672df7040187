// A tiny frame-stack env for the conv path (Atari envs are not in the server yet): observations are uint8
// [4, 36, 36] stacks whose newest frame shows a bright bar in one of 3 columns; the action that names the
// column pays 1. Consecutive observations share 3 frames, as Atari frame stacks do. Episodes last 12 steps.

import { Box, Discrete } from '../../proto/spaces.js';
import { Xoshiro128 } from '../../proto/rng.js';
import type { Env, EnvInfo, RgbFrame } from '../../env-server/envs/env.js';
import type { Registration } from '../../env-server/registry.js';

export const SIDE = 36;
export const STACK = 4;

class BarsEnv implements Env {
  readonly observationSpace = new Box(0, 255, [STACK, SIDE, SIDE], 'uint8');
  readonly actionSpace = new Discrete(3);
  private readonly rng = new Xoshiro128(0);
  private stack = new Uint8Array(STACK * SIDE * SIDE);
  private column = 0;
  private t = 0;

  private push(): Uint8Array {
    this.column = this.rng.integer(3);
    const frame = new Uint8Array(SIDE * SIDE);
    for (let y = 0; y < SIDE; y++) for (let x = this.column * 12; x < this.column * 12 + 12; x++) frame[y * SIDE + x] = 200;
    const next = new Uint8Array(STACK * SIDE * SIDE);
    next.set(this.stack.subarray(SIDE * SIDE));
    next.set(frame, (STACK - 1) * SIDE * SIDE);
    this.stack = next;
    return next;
  }

  reset(seed?: number) {
    if (seed !== undefined) this.rng.seed(seed);
    this.t = 0;
    this.stack = new Uint8Array(STACK * SIDE * SIDE);
    return { obs: this.push(), info: {} };
  }

  step(action: number) {
    const reward = action === this.column ? 1 : 0;
    this.t++;
    return { obs: this.push(), reward, terminated: this.t >= 12, truncated: false, info: {} };
  }

  render(): RgbFrame {
    return { width: 1, height: 1, data: new Uint8Array(3) };
  }
}

const info: EnvInfo = { id: 'Bars-v0', maxEpisodeSteps: 50, renderFps: 30, kwargs: {} };
export const BARS_ENV: Registration = { info, factory: () => new BarsEnv() as Env };
