// Gymnasium's AtariPreprocessing followed by FrameStackObservation, done on the server over the emulator directly:
// reset = env reset, 1..noop_max no-op frames (then optionally FIRE for one step), step = frame_skip frames of the
// action with rewards summed, the observation the pixel-wise max of the last two frames, grayscale, shrunk with
// INTER_AREA, optionally scaled to [0, 1] and stacked. Only the last two frames of a step are read out of the
// emulator, and only they are drawn; the frames before them are emulated, without their pictures, for rewards, lives
// and terminal only.
// Gymnasium's quirk is kept: a step that ends mid-skip returns the frames read before the end.

import { Box } from '../../../proto/spaces.js';
import type { Env, Info, Picture, ResetResult, RgbFrame, StepResult, StepRows } from '../env.js';
import { numel } from '../../../proto/tensor.js';
import { type AtariEnv, FIRE } from './atari-env.js';
import type { PreprocessOptions } from './options.js';
import { AreaResizer } from './resize-area.js';

export class AtariPreprocessing implements Env {
  readonly observationSpace: Box;
  readonly actionSpace;
  /** Two raw frames (newest last-read first), as Gymnasium's obs_buffer. */
  private readonly raw: [Uint8Array, Uint8Array];
  private readonly rgbScratch: Uint8Array | null;
  private readonly resizer: AreaResizer;
  private readonly frameSize: number;
  /** Elements of one observation: the stack, or its newest frame. */
  private readonly obsSize: number;
  /** Ring of the last `frameStack` processed frames; `head` is the slot of the newest. */
  private readonly stack: Uint8Array;
  private head = 0;
  private lives = 0;
  /** The last step ran two frames or more, so its observation is the max of its last two. */
  private pooled = false;
  private readonly fireIndex: number;
  private lastInfo: Info = {};

  constructor(
    readonly env: AtariEnv,
    readonly opts: PreprocessOptions,
  ) {
    const channels = opts.grayscaleObs ? 1 : 3;
    const size = opts.screenSize;
    const [height, width] = env.ale.getScreenDims();
    this.actionSpace = env.actionSpace;
    this.raw = [new Uint8Array(height * width * channels), new Uint8Array(height * width * channels)];
    this.rgbScratch = opts.grayscaleObs ? null : new Uint8Array(height * width * 3);
    this.resizer = new AreaResizer(width, height, size, size, channels);
    this.frameSize = size * size * channels;
    this.stack = new Uint8Array(this.frameSize * opts.frameStack);
    const frame = opts.grayscaleObs ? [size, size] : [size, size, 3];
    const shape = opts.frameStack > 1 && opts.frameStackTransport === 'full' ? [opts.frameStack, ...frame] : frame;
    this.observationSpace = opts.scaleObs ? new Box(0, 1, shape, 'float32') : new Box(0, 255, shape, 'uint8');
    this.obsSize = numel(shape);
    const fire = env.actionSet.indexOf(FIRE);
    // As Gymnasium's FireReset: only games with FIRE and at least three actions need it to start.
    this.fireIndex = opts.fireReset && env.actionSet.length >= 3 ? fire : -1;
  }

  reset(seed?: number): ResetResult {
    this.startEpisode(seed);
    this.grab(0);
    this.raw[1].fill(0);
    this.push(true);
    return { obs: this.observation(), info: this.lastInfo };
  }

  step(a: number): StepResult {
    const { reward, terminated, truncated } = this.advance(a);
    return { obs: this.observation(), reward, terminated, truncated, info: this.lastInfo };
  }

  /** step() with the stack written straight into its row (a pool's shared slot): no frame allocated. */
  stepInto(a: number, rows: StepRows, row: number): void {
    const { reward, terminated, truncated } = this.advance(a);
    this.writeObservation(rows.obs as Uint8Array | Float32Array, row * this.obsSize);
    rows.putOutcome(row, reward, terminated, truncated, this.lastInfo);
  }

  /** A step's frames, pushed onto the stack, with the reward clipped when asked. */
  private advance(a: number): { reward: number; terminated: boolean; truncated: boolean } {
    const r = this.skip(a);
    this.push(false);
    if (this.opts.clipReward) r.reward = Math.sign(r.reward);
    return r;
  }

  render(): RgbFrame {
    return this.env.render();
  }

  picture(): Picture {
    return this.env.picture();
  }

  private startEpisode(seed: number | undefined): void {
    this.env.resetGame(seed);
    this.lastInfo = this.env.info();
    const noops = this.opts.noopMax > 0 ? this.env.rng.integers(1, this.opts.noopMax + 1) : 0;
    for (let i = 0; i < noops; i++) {
      // The reset observation is the screen after the last no-op (or after the FIRE step).
      const r = this.env.frame(0, i === noops - 1);
      this.lastInfo = this.env.info();
      if (r.terminated || r.truncated) this.env.resetGame(seed);
    }
    if (this.fireIndex >= 0) {
      this.lives = this.env.ale.lives();
      const r = this.skip(this.fireIndex);
      if (r.terminated || r.truncated) this.env.resetGame(seed);
    }
    this.lives = this.env.ale.lives();
  }

  /** frame_skip frames of action `a` (drawn per step for a v0 id), reading the screen after the last two. */
  private skip(a: number): { reward: number; terminated: boolean; truncated: boolean } {
    const n = this.env.stepFrames(this.opts.frameSkip);
    this.pooled = n > 1;
    let reward = 0;
    let terminated = false;
    let truncated = false;
    for (let t = 0; t < n; t++) {
      const r = this.env.frame(a, t >= n - 2);
      reward += r.reward;
      terminated = r.terminated;
      truncated = r.truncated;
      if (this.opts.terminalOnLifeLoss) {
        const lives = this.env.ale.lives();
        terminated ||= lives < this.lives;
        this.lives = lives;
      }
      if (terminated || truncated) break;
      if (t === n - 2) this.grab(1);
      else if (t === n - 1) this.grab(0);
    }
    this.lastInfo = this.env.info();
    return { reward, terminated, truncated };
  }

  private grab(slot: 0 | 1): void {
    const ale = this.env.ale;
    if (this.rgbScratch) this.raw[slot].set(ale.getScreenRGB(this.rgbScratch));
    else ale.getScreenGrayscale(this.raw[slot]);
  }

  /** Max-pools the two raw frames, shrinks the result into the stack's next slot (every slot on reset). */
  private push(fill: boolean): void {
    const [a, b] = this.raw;
    this.head = (this.head + 1) % this.opts.frameStack;
    const fs = this.frameSize;
    const newest = this.stack.subarray(this.head * fs, (this.head + 1) * fs);
    if (this.pooled) this.resizer.maxPoolResize(a, b, newest);
    else this.resizer.resize(a, newest);
    if (fill) for (let k = 0; k < this.opts.frameStack; k++) if (k !== this.head) this.stack.copyWithin(k * fs, this.head * fs, (this.head + 1) * fs);
  }

  /** The stack oldest first (or only the newest frame), as uint8 or scaled float32. */
  private observation(): Uint8Array | Float32Array {
    const out = this.opts.scaleObs ? new Float32Array(this.obsSize) : new Uint8Array(this.obsSize);
    this.writeObservation(out, 0);
    return out;
  }

  /** Writes the observation at `offset` of `out` (scaled to [0, 1] when `out` is float32). */
  private writeObservation(out: Uint8Array | Float32Array, offset: number): void {
    const fs = this.frameSize;
    const k = this.opts.frameStack;
    // The frames oldest first: a ring of k slots from the one after the newest, or the newest alone.
    const oldest = k === 1 || this.opts.frameStackTransport === 'newest' ? this.head : (this.head + 1) % k;
    const frames = this.obsSize / fs;
    for (let j = 0; j < frames; j++) {
      const from = this.stack.subarray(((oldest + j) % k) * fs, ((oldest + j) % k + 1) * fs);
      const at = offset + j * fs;
      if (out instanceof Uint8Array) out.set(from, at);
      else for (let i = 0; i < fs; i++) out[at + i] = from[i] / 255;
    }
  }
}
