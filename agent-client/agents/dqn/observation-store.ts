// Observations in replay, stored once each as tensors on the training device. Frame stacks ([k, H, W] whose
// first k-1 frames repeat the previous observation's last k-1) are deduplicated: a continuing observation adds
// only its newest frame, so replay holds about one frame per step instead of 2k. An observation's id is the
// serial number of its newest frame; its frames are the k serials ending there. Vectors are the k = 1 case, where
// the dedup is that a transition's next observation is the next transition's observation.

import * as torch from '../../torch/index.js';

export class ObservationStore {
  readonly frames: torch.Tensor;
  private readonly frameShape: number[];
  private readonly frameSize: number;
  private written = 0;
  private last: Float32Array | Uint8Array | null = null;

  /**
   * `stack` > 1 treats dim 0 of `obsShape` as the stack of frames. `capacity` counts frames; observations
   * whose frames were overwritten are no longer `intact`.
   */
  constructor(
    readonly obsShape: readonly number[],
    readonly dtype: 'float32' | 'uint8',
    readonly stack: number,
    readonly capacity: number,
    readonly device: torch.Device,
  ) {
    if (stack > 1 && obsShape[0] !== stack) throw new RangeError(`a stack of ${stack} frames needs observations of shape [${stack}, …], got [${obsShape}]`);
    this.frameShape = stack > 1 ? obsShape.slice(1) : [...obsShape];
    this.frameSize = this.frameShape.reduce((a, b) => a * b, 1);
    this.frames = torch.keep(torch.zeros([capacity, ...this.frameShape], { dtype, device }));
  }

  /** Frames written so far (also the id the next frame will get, plus one). */
  get serial(): number {
    return this.written;
  }

  /** After a checkpoint's frames were copied back: continue numbering from there. */
  restore(framesWritten: number): void {
    this.written = framesWritten;
    this.last = null;
  }

  /** Stores an observation; `continues` says it follows the previous one in the same episode. Returns its id. */
  put(obs: Float32Array | Uint8Array, continues: boolean): number {
    const k = this.stack;
    const shifted = continues && this.last !== null && (k === 1 || sameOverlap(this.last, obs, this.frameSize));
    for (let j = shifted ? k - 1 : 0; j < k; j++) this.writeFrame(obs.subarray(j * this.frameSize, (j + 1) * this.frameSize));
    this.last = k > 1 ? obs.slice() : null;
    return this.written - 1;
  }

  /** Whether every frame of observation `id` is still stored. */
  intact(id: number): boolean {
    return id - this.stack + 1 >= this.written - this.capacity && id < this.written;
  }

  /** The observations whose ids are in `ids` (int64 [B] on the device) as one [B, ...obsShape] tensor there. */
  gather(ids: torch.Tensor): torch.Tensor {
    return torch.tidy(() => {
      // Observation id i is made of the frames with serials i-k+1 … i, which sit at those serials modulo capacity.
      const serials = ids.unsqueeze(1).add(torch.arange(1 - this.stack, 1, 1, { device: this.device }));
      return this.frames.index(serials.remainder(this.capacity).flatten()).reshape([ids.size(0), ...this.obsShape]);
    });
  }

  dispose(): void {
    this.frames.dispose();
  }

  private writeFrame(frame: Float32Array | Uint8Array): void {
    const slot = this.written % this.capacity;
    torch.tidy(() => this.frames.select(0, slot).copy_(torch.tensor(frame, { shape: this.frameShape, device: this.device })));
    this.written++;
  }
}

/** Whether frames 1..k-1 of `prev` equal frames 0..k-2 of `next`. */
function sameOverlap(prev: Float32Array | Uint8Array, next: Float32Array | Uint8Array, frameSize: number): boolean {
  const n = prev.length - frameSize;
  for (let i = 0; i < n; i++) if (prev[i + frameSize] !== next[i]) return false;
  return true;
}
