// What every environment implements, server side. Values are in the spaces' native form (see proto/spaces.ts);
// the server validates actions against `actionSpace` before `step` is called, so envs need not re-check them.

import type { Native, Space } from '../../proto/spaces.js';
import type { Rng } from '../../proto/rng.js';
import type { TypedArray } from '../../proto/tensor.js';

/** Info values: numbers (float64), bigints (int64, for counts such as ale-py's lives), booleans or small typed arrays. */
export type Info = Record<string, number | bigint | boolean | Native>;

/** The info of a step or reset that has none, shared (infos are only read). */
export const NO_INFO: Info = Object.freeze({});

export interface ResetResult<O extends Native = Native> {
  obs: O;
  info: Info;
}

export interface StepResult<O extends Native = Native> {
  obs: O;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Info;
}

/**
 * The batch a vector session's copies write their steps into, one row per copy (EnvPool's way: a result is written
 * once, into its slot). `obs` holds every row's observation elements back to back, in the observation space's dtype;
 * rewards, flags and infos are per row.
 */
export interface StepRows {
  readonly obs: TypedArray;
  readonly reward: Float64Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  readonly infos: Info[];
  /** Writes an allocated result into row `row` (a reset: reward 0, no flags). */
  put(row: number, r: StepResult | ResetResult): void;
  /** Writes row `row`'s reward, flags and info (an env that wrote the observation itself). */
  putOutcome(row: number, reward: number, terminated: boolean, truncated: boolean, info: Info): void;
}

/** An RGB frame, row-major [height, width, 3]. */
export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * The cheapest picture of an env for viewers and recordings: RGB pixels, palette indices (Atari's TIA output, a third
 * of the bytes, mapped to colours by the page), or a scene the page draws itself from a few state numbers.
 */
export type Picture =
  | ({ kind: 'rgb' } & RgbFrame)
  | { kind: 'indexed'; width: number; height: number; indices: Uint8Array; palette: Uint8Array }
  | { kind: 'scene'; painter: ScenePainter; state: Float64Array };

/** Scenes the viewer page can draw (static/painters.js) and the server can draw for recordings (viewer/frames.ts). */
export type ScenePainter = 'cartpole';

export interface Env<O extends Native = Native, A extends Native = Native> {
  readonly observationSpace: Space<O>;
  readonly actionSpace: Space<A>;
  /** Re-seeds the env's generator when `seed` is given (Gymnasium semantics), then starts an episode. */
  reset(seed?: number, options?: Record<string, unknown>): ResetResult<O>;
  /** Advances one step. `truncated` is set by the TimeLimit wrapper, not by envs themselves. */
  step(action: A): StepResult<O>;
  /**
   * step() written into row `row` of a batch instead of allocated: observation, reward, flags and info, all as step()
   * gives them. Worth having for a Box observation where the step costs little next to allocating its result
   * (CartPole) or the frame is large (Atari, written straight into a pool's shared slot); others are copied in.
   */
  stepInto?(action: A, rows: StepRows, row: number): void;
  render(): RgbFrame;
  /** The picture for viewers and recordings, when cheaper than render(); a fresh copy the env never writes again. */
  picture?(): Picture;
  /**
   * Envs that accept more than their action space declares check actions themselves (Platform clips finite
   * parameters, as gym-platform does); the default is the action space's check. Null: acceptable.
   */
  checkAction?(action: A): string | null;
  /** Set by envs whose frames are scenes. */
  readonly painter?: ScenePainter;
  close?(): void;
}

/** Why `action` cannot be stepped in `env`, or null. */
export function actionError(env: Env, action: Native): string | null {
  return env.checkAction ? env.checkAction(action) : env.actionSpace.check(action);
}

/** Steps `env` into row `row`: through its own stepInto when it has one, else its step() copied in. */
export function stepInto(env: Env, action: Native, rows: StepRows, row: number): void {
  if (env.stepInto) env.stepInto(action, rows, row);
  else rows.put(row, env.step(action));
}

/** An env's viewer picture: its own picture() when it has one, else its render() as RGB. */
export function pictureOf(env: Env): Picture {
  return env.picture ? env.picture() : { kind: 'rgb', ...env.render() };
}

/** Static description of an env id, shared by the registry, ListEnvs and the client. */
export interface EnvInfo {
  id: string;
  maxEpisodeSteps?: number;
  rewardThreshold?: number;
  renderFps: number;
  /** Keyword options accepted on make, with a one-line description and default. */
  kwargs: Record<string, { description: string; default: unknown }>;
}

/** Builds an env from make's kwargs; throws `InvalidOption` naming the bad option and what is allowed. */
export type EnvFactory = (kwargs: Record<string, unknown>, rng?: Rng) => Env;

export class InvalidOption extends Error {
  override name = 'InvalidOption';
}
