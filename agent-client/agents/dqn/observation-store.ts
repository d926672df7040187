// Observations in replay, stored once each as tensors on the training device. Frame stacks ([k, H, W] whose
// first k-1 frames repeat the previous observation's last k-1) are deduplicated: a continuing observation adds
// only its newest frame, so replay holds about one frame per step instead of 2k. An observation's id is the
// serial number of its newest frame; its frames are the k serials ending there. Vectors are the k = 1 case, where
// the dedup is that a transition's next observation is the next transition's observation. With several streams (the
// copies of a vector env) each has its own region of `frames` and its own numbering, so stacks stay contiguous.

import * as torch from '../../torch/index.js';

export class ObservationStore {
  readonly frames: torch.Tensor;
  private readonly frameShape: number[];
  private readonly frameSize: number;
  private readonly written: number[];
  private readonly last: (Float32Array | Uint8Array | null)[];

  /**
   * `stack` > 1 treats dim 0 of `obsShape` as the stack of frames. `capacity` counts frames per stream;
   * observations whose frames were overwritten are no longer `intact`.
   */
  constructor(
    readonly obsShape: readonly number[],
    readonly dtype: 'float32' | 'uint8',
    readonly stack: number,
    readonly capacity: number,
    readonly device: torch.Device,
    readonly streams = 1,
  ) {
    if (stack > 1 && obsShape[0] !== stack) throw new RangeError(`a stack of ${stack} frames needs observations of shape [${stack}, …], got [${obsShape}]`);
    this.frameShape = stack > 1 ? obsShape.slice(1) : [...obsShape];
    this.frameSize = this.frameShape.reduce((a, b) => a * b, 1);
    this.frames = torch.keep(torch.zeros([streams * capacity, ...this.frameShape], { dtype, device }));
    this.written = new Array<number>(streams).fill(0);
    this.last = new Array(streams).fill(null);
  }

  /** Frames written so far in each stream (also the id the next frame will get, plus one). */
  serials(): number[] {
    return [...this.written];
  }

  /** After a checkpoint's frames were copied back: continue each stream's numbering from there. */
  restore(framesWritten: readonly number[]): void {
    if (framesWritten.length !== this.streams) throw new RangeError(`the checkpoint's replay has ${framesWritten.length} streams (env copies), this one ${this.streams}; resume with the same --num-envs`);
    framesWritten.forEach((n, i) => (this.written[i] = n));
    this.last.fill(null);
  }

  /** Stores an observation; `continues` says it follows the stream's previous one in the same episode. Returns its id. */
  put(obs: Float32Array | Uint8Array, continues: boolean, stream = 0): number {
    const k = this.stack;
    const last = this.last[stream];
    const shifted = continues && last !== null && (k === 1 || sameOverlap(last, obs, this.frameSize));
    for (let j = shifted ? k - 1 : 0; j < k; j++) this.writeFrame(obs.subarray(j * this.frameSize, (j + 1) * this.frameSize), stream);
    this.last[stream] = k > 1 ? obs.slice() : null;
    return this.written[stream] - 1;
  }

  /** Whether every frame of the stream's observation `id` is still stored. */
  intact(id: number, stream = 0): boolean {
    return id - this.stack + 1 >= this.written[stream] - this.capacity && id < this.written[stream];
  }

  /**
   * The observations whose ids are in `ids` (int64 [B] on the device) as one [B, ...obsShape] tensor there;
   * `streams` (int64 [B]) says whose ids they are when there are several.
   */
  gather(ids: torch.Tensor, streams?: torch.Tensor): torch.Tensor {
    return torch.tidy(() => {
      // Observation id i is made of the frames with serials i-k+1 … i, which sit at those serials modulo capacity.
      const serials = ids.unsqueeze(1).add(torch.arange(1 - this.stack, 1, 1, { device: this.device }));
      let rows = serials.remainder(this.capacity);
      if (streams) rows = rows.add(streams.mul(this.capacity).unsqueeze(1));
      return this.frames.index(rows.flatten()).reshape([ids.size(0), ...this.obsShape]);
    });
  }

  dispose(): void {
    this.frames.dispose();
  }

  private writeFrame(frame: Float32Array | Uint8Array, stream: number): void {
    const slot = stream * this.capacity + (this.written[stream] % this.capacity);
    torch.tidy(() => this.frames.select(0, slot).copy_(torch.tensor(frame, { shape: this.frameShape, device: this.device })));
    this.written[stream]++;
  }
}

/** Whether frames 1..k-1 of `prev` equal frames 0..k-2 of `next`. */
function sameOverlap(prev: Float32Array | Uint8Array, next: Float32Array | Uint8Array, frameSize: number): boolean {
  const n = prev.length - frameSize;
  for (let i = 0; i < n; i++) if (prev[i + frameSize] !== next[i]) return false;
  return true;
}
