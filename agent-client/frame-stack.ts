// Client side of frame_stack_transport 'newest': the server sends only each step's newest preprocessed frame and
// this rebuilds the stacks (oldest frame first) the 'full' transport would have sent. A reset fills a copy's stack
// with its first frame; in a vector session a copy whose previous result ended is autoreset by the server, so its
// next frame starts a fresh stack too. With asynchronous batches pass the rows' env ids.

type Frames = Uint8Array | Float32Array;

export class FrameStacker {
  /** Per copy, `stack` frames in a ring; `heads[i]` is the slot of copy i's newest. */
  private readonly rings: Frames;
  private readonly heads: Int32Array;
  private readonly ended: Uint8Array;

  constructor(
    readonly numEnvs: number,
    readonly stack: number,
    readonly frameSize: number,
    readonly dtype: 'uint8' | 'float32' = 'uint8',
  ) {
    if (!Number.isInteger(stack) || stack < 2) throw new RangeError(`stack must be an integer >= 2, got ${stack}`);
    this.rings = dtype === 'float32' ? new Float32Array(numEnvs * stack * frameSize) : new Uint8Array(numEnvs * stack * frameSize);
    this.heads = new Int32Array(numEnvs);
    this.ended = new Uint8Array(numEnvs);
  }

  /** The stacks after a reset of every copy (rows = copies in order, or `envIds` in asynchronous mode). */
  reset(frames: Frames, envIds?: readonly number[]): Frames {
    const ids = envIds ?? this.all();
    ids.forEach((env, row) => {
      this.fill(env, frames.subarray(row * this.frameSize, (row + 1) * this.frameSize));
      this.ended[env] = 0;
    });
    return this.output(ids);
  }

  /** The stacks after a step; `terminated`/`truncated` are this result's flags, per row. */
  step(frames: Frames, terminated: readonly boolean[], truncated: readonly boolean[], envIds?: readonly number[]): Frames {
    const ids = envIds ?? this.all();
    const fs = this.frameSize;
    ids.forEach((env, row) => {
      const frame = frames.subarray(row * fs, (row + 1) * fs);
      if (this.ended[env]) this.fill(env, frame);
      else {
        this.heads[env] = (this.heads[env] + 1) % this.stack;
        this.rings.set(frame, (env * this.stack + this.heads[env]) * fs);
      }
      this.ended[env] = terminated[row] || truncated[row] ? 1 : 0;
    });
    return this.output(ids);
  }

  private all(): number[] {
    return Array.from({ length: this.numEnvs }, (_, i) => i);
  }

  private fill(env: number, frame: Frames): void {
    for (let k = 0; k < this.stack; k++) this.rings.set(frame, (env * this.stack + k) * this.frameSize);
    this.heads[env] = this.stack - 1;
  }

  private output(ids: readonly number[]): Frames {
    const fs = this.frameSize;
    const per = this.stack * fs;
    const out = this.dtype === 'float32' ? new Float32Array(ids.length * per) : new Uint8Array(ids.length * per);
    ids.forEach((env, row) => {
      const ring = this.rings.subarray(env * per, (env + 1) * per);
      const oldest = (this.heads[env] + 1) % this.stack;
      out.set(ring.subarray(oldest * fs), row * per);
      out.set(ring.subarray(0, oldest * fs), row * per + (this.stack - oldest) * fs);
    });
    return out;
  }
}
