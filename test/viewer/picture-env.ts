// A test env that only steps (never ending, no reward) and whose picture comes from a given function, so a test
// chooses what each frame costs and can count renders.

import { Box, Discrete } from '../../proto/spaces.js';
import type { Env, RgbFrame } from '../../env-server/envs/env.js';
import type { Registration } from '../../env-server/registry.js';

class PictureEnv implements Env {
  readonly observationSpace = new Box(0, 1, [1], 'float32');
  readonly actionSpace = new Discrete(2);
  constructor(readonly render: () => RgbFrame) {}
  reset() {
    return { obs: new Float32Array(1), info: {} };
  }
  step() {
    return { obs: new Float32Array(1), reward: 0, terminated: false, truncated: false, info: {} };
  }
}

export function pictureEnv(id: string, render: () => RgbFrame): Registration {
  return { info: { id, renderFps: 30, kwargs: {} }, factory: () => new PictureEnv(render) };
}
