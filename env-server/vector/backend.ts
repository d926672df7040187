// A vector session's copies run somewhere other than the request handler's thread. Session uses a backend, when the
// id's registration offers one, instead of stepping its copies one after another itself; the backend does
// Gymnasium 1.x NEXT_STEP autoreset on its side.

import type { Native, Space } from '../../proto/spaces.js';
import type { Tensor } from '../../proto/tensor.js';
import type { Info, RgbFrame } from '../envs/env.js';

export interface VectorReset {
  obs: Tensor;
  infos: Info[];
}

export interface VectorStep extends VectorReset {
  reward: number[];
  terminated: boolean[];
  truncated: boolean[];
  /** The copies these rows belong to, in row order (all copies, in order, unless batchSize < numEnvs). */
  envIds: number[];
}

export interface VectorBackend {
  readonly numEnvs: number;
  /** Copies per step result: numEnvs, or fewer in asynchronous mode, where step gets actions for the last result's envIds. */
  readonly batchSize: number;
  readonly observationSpace: Space;
  readonly actionSpace: Space;
  /** Resets every copy (copy i with seed + i when a seed is given) and waits for all. */
  reset(seed: number | undefined, options: Record<string, unknown> | undefined): VectorReset;
  step(actions: Native[]): VectorStep;
  render(index: number): RgbFrame;
  close(): void;
}

export type VectorFactory = (kwargs: Record<string, unknown>, numEnvs: number, maxEpisodeSteps: number) => VectorBackend;
