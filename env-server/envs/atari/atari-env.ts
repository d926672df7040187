// ale-py's AtariEnv over our emulator: one game, ale-py's step loop (the frameskip, fixed or drawn per step, runs in
// the env over single-frame act() calls, so sticky actions are decided per frame as in ALE), terminated = game
// over, truncated = the frame limit, info = lives and frame counters. reset(seed) splits the seed with NumPy's
// SeedSequence as ale-py does (ALE's random_seed and the PCG64 generator of frameskip and no-op draws) and reloads
// the ROM, so the same seed gives the same trajectory, and the same draws as ale-py.

import { ALEInterface, SCREEN_WIDTH } from '../../ale/ale-interface.js';
import { Box, Discrete } from '../../../proto/spaces.js';
import { entropySeed } from '../../../proto/rng.js';
import { Pcg64, SeedSequence } from './numpy-random.js';
import type { Env, Info, Picture, ResetResult, RgbFrame, StepResult, StepRows } from '../env.js';
import { numel } from '../../../proto/tensor.js';
import { InvalidOption } from '../env.js';
import { aleModule } from './ale-module.js';
import type { AtariGame } from './games.js';
import type { AtariOptions, Frameskip, ObsType } from './options.js';

export const FIRE = 1;

/** The observations of a game whose screen is `screenHeight` rows high. */
export function observationSpace(obsType: ObsType, screenHeight: number): Box {
  const shape = obsType === 'rgb' ? [screenHeight, SCREEN_WIDTH, 3] : obsType === 'grayscale' ? [screenHeight, SCREEN_WIDTH] : [128];
  return new Box(0, 255, shape, 'uint8');
}

export interface FrameResult {
  reward: number;
  terminated: boolean;
  truncated: boolean;
}

export class AtariEnv implements Env {
  readonly observationSpace: Box;
  readonly actionSpace: Discrete;
  /** ALE action of each action index. */
  readonly actionSet: readonly number[];
  /** Rows of the game's screen (getScreenDims), fixed by the ROM. */
  readonly screenHeight: number;
  /** Elements of one observation. */
  private readonly obsSize: number;
  ale!: ALEInterface;
  /** Draws the per-step frameskip and the preprocessing's no-op count (ale-py's np_random). */
  rng!: Pcg64;

  constructor(
    readonly game: AtariGame,
    private readonly rom: Uint8Array,
    readonly id: string,
    readonly opts: AtariOptions,
    private readonly module: WebAssembly.Module = aleModule(),
  ) {
    this.load(entropySeed());
    this.actionSet = opts.fullActionSpace ? this.ale.getLegalActionSet() : this.ale.getMinimalActionSet();
    this.actionSpace = new Discrete(this.actionSet.length);
    this.screenHeight = this.ale.getScreenDims()[0];
    this.observationSpace = observationSpace(opts.obsType, this.screenHeight);
    this.obsSize = numel(this.observationSpace.shape);
  }

  /** A fresh emulator seeded from `seed`, with the ROM, mode and difficulty loaded (ale-py's seed_game + load_game). */
  private load(seed: number): void {
    const [npSeed, aleSeed] = new SeedSequence(seed).generateState(2);
    this.rng = new Pcg64(npSeed);
    // ale-py passes np.int32(ale_seed); ALE reads it back as the same 32 bits. Like ale-py, a seeded reset reloads the
    // ROM into the same emulator (a fresh instance per reset would cost its whole memory each time).
    if (this.ale) {
      this.ale.setRandomSeed(aleSeed);
    } else {
      this.ale = ALEInterface.fromModule(this.module, {
        repeatActionProbability: this.opts.repeatActionProbability,
        maxNumFramesPerEpisode: this.opts.maxNumFramesPerEpisode,
        randomSeed: aleSeed,
      });
    }
    this.ale.loadROM(this.rom);
    // Checked against the game's lists when the options were parsed (options.ts).
    const { mode, difficulty } = this.opts;
    if (mode !== null) this.ale.setMode(mode);
    if (difficulty !== null) this.ale.setDifficulty(difficulty);
  }

  /** Starts an episode without building an observation (its screen is drawn). */
  resetGame(seed?: number): void {
    if (seed !== undefined) this.load(seed);
    this.ale.setRendering(true);
    this.ale.resetGame();
  }

  /**
   * One emulated frame of action index `a`; `draw` false skips building its picture (callers that will not read
   * this frame's screen), which leaves rewards, lives, RAM and terminal exactly as they are.
   */
  frame(a: number, draw = true): FrameResult {
    this.ale.setRendering(draw);
    const reward = this.ale.act(this.actionSet[a]);
    const terminated = this.ale.gameOver(false);
    return { reward, terminated, truncated: !terminated && this.ale.gameOver(true) };
  }

  /** ale-py's info: Python ints, so int64 on the wire. */
  info(): Info {
    return { lives: BigInt(this.ale.lives()), episode_frame_number: BigInt(this.ale.getEpisodeFrameNumber()), frame_number: BigInt(this.ale.getFrameNumber()) };
  }

  reset(seed?: number): ResetResult {
    this.resetGame(seed);
    return { obs: this.observe(), info: this.info() };
  }

  /** Frames of the next step: `fs` itself, or drawn from [low, high) with ale-py's np_random, as ale-py's step does. */
  stepFrames(fs: Frameskip): number {
    return typeof fs === 'number' ? fs : this.rng.integers(fs[0], fs[1]);
  }

  step(a: number): StepResult {
    const r = this.advance(a);
    return { obs: this.observe(), reward: r.reward, terminated: r.terminated, truncated: r.truncated, info: this.info() };
  }

  /** step() with the observation written straight into its row (a pool's shared slot): no frame allocated. */
  stepInto(a: number, rows: StepRows, row: number): void {
    const r = this.advance(a);
    const size = this.obsSize;
    this.observe((rows.obs as Uint8Array).subarray(row * size, (row + 1) * size));
    rows.putOutcome(row, r.reward, r.terminated, r.truncated, this.info());
  }

  private advance(a: number): FrameResult {
    const frames = this.stepFrames(this.opts.frameskip);
    let reward = 0;
    // Every frame is drawn: a game that ends on a frame before the last leaves that frame as the observation (ALE
    // emulates nothing once the game is over), and which frame that is is known only after it has run.
    this.ale.setRendering(true);
    for (let i = 0; i < frames; i++) reward += this.ale.act(this.actionSet[a]);
    const terminated = this.ale.gameOver(false);
    return { reward, terminated, truncated: !terminated && this.ale.gameOver(true) };
  }

  /** The observation, into `out` when given. */
  private observe(out?: Uint8Array): Uint8Array {
    if (this.opts.obsType === 'rgb') return this.ale.getScreenRGB(out);
    if (this.opts.obsType === 'grayscale') return this.ale.getScreenGrayscale(out);
    if (!out) return this.ale.getRAM().slice();
    out.set(this.ale.getRAM());
    return out;
  }

  render(): RgbFrame {
    return { width: SCREEN_WIDTH, height: this.screenHeight, data: this.ale.getScreenRGB() };
  }

  /**
   * The screen as palette indices, with the colours of its indices as the emulator's own RGB screen shows them, so
   * the page shows exactly what render() would (PAL colour loss included) from a third of the bytes. The colours
   * are fixed by the ROM, so each index is looked up once and the RGB screen is made only when a new one appears.
   */
  picture(): Picture {
    const indices = this.ale.getScreen().slice();
    const { palette, known } = this.paletteSeen;
    let rgb: Uint8Array | null = null;
    for (let i = 0; i < indices.length; i++) {
      const k = indices[i];
      if (known[k]) continue;
      rgb ??= this.ale.getScreenRGB();
      palette.set(rgb.subarray(3 * i, 3 * i + 3), 3 * k);
      known[k] = 1;
    }
    return { kind: 'indexed', width: SCREEN_WIDTH, height: this.screenHeight, indices, palette: palette.slice() };
  }

  private readonly paletteSeen = { palette: new Uint8Array(256 * 3), known: new Uint8Array(256) };
}
