// What every environment implements, server side. Values are in the spaces' native form (see proto/spaces.ts);
// the server validates actions against `actionSpace` before `step` is called, so envs need not re-check them.

import type { Native, Space } from '../../proto/spaces.js';
import type { Rng } from '../../proto/rng.js';

/** Info values: numbers, booleans or small typed arrays. */
export type Info = Record<string, number | boolean | Native>;

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

/** An RGB frame, row-major [height, width, 3]. */
export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Env<O extends Native = Native, A extends Native = Native> {
  readonly observationSpace: Space<O>;
  readonly actionSpace: Space<A>;
  /** Re-seeds the env's generator when `seed` is given (Gymnasium semantics), then starts an episode. */
  reset(seed?: number, options?: Record<string, unknown>): ResetResult<O>;
  /** Advances one step. `truncated` is set by the TimeLimit wrapper, not by envs themselves. */
  step(action: A): StepResult<O>;
  render(): RgbFrame;
  close?(): void;
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
