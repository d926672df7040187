// What every session holds its env copies through (after EnvPool's core/ and Gymnasium's vector envs): an
// in-process backend steps them on the request handler's thread, the worker pool on worker threads. Whichever it
// is, the semantics are the same and are implemented once: copy i is seeded seed + i (copySeed, proto/batch.ts), the time limit is
// the registry's TimeLimit wrapper, a finished copy of a vector session resets on its next step (NEXT_STEP, in
// EnvCopy), and results come back as one typed batch. The session above keeps episode statistics from these
// batches, and viewers and recorders get pictures through picture(), never by reaching into envs.

import type { Native, Space } from '../../proto/spaces.js';
import type { Value } from '../../proto/tensor.js';
import type { Info, Picture, RgbFrame, ScenePainter } from '../envs/env.js';
import { invalidArgument } from '../errors.js';

/** How finished copies of a vector session restart; named in every EnvSpec, as Gymnasium's AutoresetMode. */
export const AUTORESET_MODE = 'NEXT_STEP';

export interface BatchReset {
  /** Rows of the result, batched (a vector session) or the one observation (a single session). */
  obs: Value;
  infos: Info[];
  /** The copy of each row, in row order (every copy in order, unless batchSize < numEnvs). */
  envIds: number[];
}

export interface BatchStep extends BatchReset {
  reward: Float64Array;
  /** 1 where the row's episode terminated, else 0. */
  terminated: Uint8Array;
  truncated: Uint8Array;
}

export interface SessionBackend {
  readonly numEnvs: number;
  /** Rows per step result: numEnvs, or fewer in asynchronous mode, where step takes actions for the last result's envIds. */
  readonly batchSize: number;
  readonly observationSpace: Space;
  readonly actionSpace: Space;
  /** How the viewer page draws this session's pictures. */
  readonly painter: ScenePainter | 'image';
  /** Resets every copy (copy i with copySeed(seed, i)) and waits for all. */
  reset(seed: number | undefined, options: Record<string, unknown> | undefined): BatchReset;
  /** Why `action` cannot be stepped (the env's own check, else its action space's), or null. */
  checkAction(action: Native): string | null;
  /** Steps the copies of the last result's rows with their actions (already checked with checkAction). */
  step(actions: Native[]): BatchStep;
  render(index: number): RgbFrame;
  /** Copy `index`'s picture for viewers and recordings (between steps; never changes the copy). */
  picture(index: number): Picture;
  close(): void;
}

/** Seeds a session accepts for `numEnvs` copies: every copy's seed + i must stay a safe integer. */
export function checkSeed(seed: number | undefined, numEnvs: number): void {
  if (seed === undefined) return;
  const max = Number.MAX_SAFE_INTEGER - (numEnvs - 1);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > max) {
    throw invalidArgument(`seed must be an integer in [0, 2^53 - ${numEnvs}]${numEnvs > 1 ? ` for ${numEnvs} copies (copy i is seeded seed + i)` : ''}, got ${String(seed).slice(0, 32)}`);
  }
}
