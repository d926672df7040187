// A test env with palette frames (as Atari's): a 4×2 picture over a 3-colour palette whose pixels shift by one each
// step, so every frame differs and is known in advance; from step 2 on its palette has a fourth colour (unused), as
// an Atari picture's palette grows when a colour first appears.

import { Box, Discrete } from '../../proto/spaces.js';
import type { Env, EnvInfo, Picture, RgbFrame } from '../../env-server/envs/env.js';
import type { Registration } from '../../env-server/registry.js';

export const PALETTE = Uint8Array.of(10, 20, 30, 200, 0, 0, 0, 250, 5);
export const GROWN_PALETTE = Uint8Array.of(...PALETTE, 7, 7, 7);
/** The palette of the picture after `t` steps. */
export const paletteAt = (t: number) => (t >= 2 ? GROWN_PALETTE : PALETTE);
export const WIDTH = 4;
export const HEIGHT = 2;

/** Palette indices of the frame after `t` steps. */
export const indicesAt = (t: number) => Uint8Array.from({ length: WIDTH * HEIGHT }, (_, i) => (i + t) % 3);

export class PaletteEnv implements Env {
  readonly observationSpace = new Box(0, Infinity, [1], 'float32');
  readonly actionSpace = new Discrete(1);
  private t = 0;
  reset() {
    this.t = 0;
    return { obs: Float32Array.of(0), info: {} };
  }
  step() {
    this.t++;
    return { obs: Float32Array.of(this.t), reward: 1, terminated: this.t >= 3, truncated: false, info: {} };
  }
  picture(): Picture {
    return { kind: 'indexed', width: WIDTH, height: HEIGHT, indices: indicesAt(this.t), palette: paletteAt(this.t) };
  }
  render(): RgbFrame {
    throw new Error('the viewer must use picture, not render');
  }
}

export const PALETTE_ENV: Registration = { info: { id: 'Palette-v0', renderFps: 10, kwargs: {} } satisfies EnvInfo, factory: () => new PaletteEnv() };
