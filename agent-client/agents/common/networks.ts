// Network torsos: an MLP for vectors and the Nature DQN convolutional stack (Mnih et al. 2015) for frames.
// A torso maps a batch of encoded observations to features; heads (Q values, parameters) sit on top.

import * as torch from '../../torch/index.js';
import type { Encoding } from './encoding.js';

const { nn } = torch;

export class Torso extends torch.nn.Module {
  constructor(
    private readonly body: torch.nn.Sequential,
    readonly features: number,
    private readonly frames: boolean,
  ) {
    super();
    this.registerModule('body', body);
  }
  forward(x: torch.Tensor): torch.Tensor {
    // Frames arrive as uint8 and become [0, 1] floats on the device, so replay and transfers stay 1 byte a pixel.
    return this.body.forward(this.frames ? x.float().div(255) : x);
  }
}

export function mlp(sizes: readonly number[], activateLast: boolean): torch.nn.Sequential {
  const layers: torch.nn.Module[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(new nn.Linear(sizes[i], sizes[i + 1]));
    if (i + 2 < sizes.length || activateLast) layers.push(new nn.ReLU());
  }
  return new nn.Sequential(...layers);
}

function convOut(size: number, kernel: number, stride: number): number {
  return Math.floor((size - kernel) / stride) + 1;
}

/** The Nature DQN conv stack, 32×8×8/4, 64×4×4/2, 64×3×3/1, flattened: the layers and their output width. */
export function natureConvLayers([channels, height, width]: readonly number[]): { layers: torch.nn.Module[]; features: number } {
  const h = convOut(convOut(convOut(height, 8, 4), 4, 2), 3, 1);
  const w = convOut(convOut(convOut(width, 8, 4), 4, 2), 3, 1);
  if (h < 1 || w < 1) {
    throw new RangeError(`the Nature DQN conv net needs [channels, height, width] frames of at least 36x36, got [${channels}, ${height}, ${width}]; for Atari ids make the env with preprocess: true (84x84 grayscale, a stack of 4)`);
  }
  const layers = [new nn.Conv2d(channels, 32, 8, { stride: 4 }), new nn.ReLU(), new nn.Conv2d(32, 64, 4, { stride: 2 }), new nn.ReLU(), new nn.Conv2d(64, 64, 3), new nn.ReLU(), new nn.Flatten()];
  return { layers, features: 64 * h * w };
}

/**
 * Nature DQN: the conv stack, then a 512-unit layer. `raw`: the input is uint8 frames to scale to [0, 1] (else
 * floats used as they are).
 */
export function natureCnn(shape: readonly number[], raw = true): Torso {
  const conv = natureConvLayers(shape);
  return new Torso(new nn.Sequential(...conv.layers, new nn.Linear(conv.features, 512), new nn.ReLU()), 512, raw);
}

/** The conv net for frames, else an MLP with the given hidden sizes (ReLU after each). */
export function torsoFor(encoding: Encoding, hidden: readonly number[], extraInputs = 0): Torso {
  if (encoding.dtype === 'uint8') {
    if (extraInputs) throw new TypeError('frame observations cannot take extra vector inputs');
    return natureCnn(encoding.shape);
  }
  const sizes = [encoding.shape[0] + extraInputs, ...hidden];
  return new Torso(mlp(sizes, true), sizes[sizes.length - 1], false);
}
