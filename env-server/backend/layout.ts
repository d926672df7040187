// The shared memory of a worker pool: one control block of Int32 cells used with Atomics, and per-copy slots for
// actions, seeds, observations, rewards, flags and numeric info, and one picture buffer. Main thread and workers
// map the same buffers; observations, rewards and flags are the rows the copies step into (backend/rows.ts).

import { type DType, typedView } from '../../proto/tensor.js';

export const enum Ctrl {
  /** Copies finished since the pool started (main waits on it). */
  Done,
  /** Finish order counter (asynchronous mode returns the earliest finishers). */
  Order,
  Stop,
  /** Set by a worker that failed; the message is in the error bytes. */
  Failed,
  /**
   * The Done count main is waiting for: a worker wakes main only when its finish reaches it, not once per copy (each
   * wake is a context switch on cores the workers need). Main raises it before it waits; a worker that reads a stale,
   * lower value wakes main needlessly, never too late.
   */
  Target,
  /** First of one wake-up counter per worker. */
  Wake,
}

export const enum Task {
  None,
  Step,
  Reset,
  /** Writes the copy's render() into the picture buffer, as an RGB picture. */
  Render,
  /** Writes the copy's picture() into the picture buffer. */
  Picture,
}

export const ERROR_BYTES = 4096;

/** Info values the pool carries, per key, as the probe copy gave them. */
export type InfoKind = 'float64' | 'int64' | 'bool';

export interface PoolShape {
  numEnvs: number;
  numWorkers: number;
  /**
   * batchSize < numEnvs: steps return the first copies to finish, so workers count and order every copy as it
   * finishes; otherwise each worker counts its finished copies once per sweep.
   */
  asynchronous: boolean;
  /** Bytes of one copy's observation. */
  obsBytes: number;
  obsDtype: DType;
  infoKeys: string[];
  infoKinds: InfoKind[];
  /** Largest encoded picture or render of one copy. */
  pictureBytes: number;
}

export interface PoolBuffers {
  ctrl: SharedArrayBuffer;
  /** Per copy: SLOT_FIELDS Int32 cells (see Slot). */
  slots: SharedArrayBuffer;
  actions: SharedArrayBuffer;
  seeds: SharedArrayBuffer;
  rewards: SharedArrayBuffer;
  /** Per copy one byte terminated (first numEnvs bytes), then one byte truncated. */
  flags: SharedArrayBuffer;
  infos: SharedArrayBuffer;
  obs: SharedArrayBuffer;
  picture: SharedArrayBuffer;
  error: SharedArrayBuffer;
}

export const SLOT_FIELDS = 5;
export const enum Slot {
  Task,
  Ready,
  Order,
  Seeded,
  /** The reset's options wait on the owner's message port. */
  Options,
}

export function allocate(s: PoolShape): PoolBuffers {
  const sab = (n: number) => new SharedArrayBuffer(Math.max(8, n));
  return {
    ctrl: sab(4 * (Ctrl.Wake + s.numWorkers)),
    slots: sab(4 * SLOT_FIELDS * s.numEnvs),
    actions: sab(8 * s.numEnvs),
    seeds: sab(8 * s.numEnvs),
    rewards: sab(8 * s.numEnvs),
    flags: sab(2 * s.numEnvs),
    infos: sab(8 * s.numEnvs * s.infoKeys.length),
    obs: sab(s.obsBytes * s.numEnvs),
    picture: sab(s.pictureBytes),
    error: sab(ERROR_BYTES),
  };
}

/** The rows a pool's copies step into, over its shared buffers. */
export function sharedRows(b: PoolBuffers, s: PoolShape) {
  return {
    obs: typedView(s.obsDtype, b.obs),
    reward: new Float64Array(b.rewards),
    terminated: new Uint8Array(b.flags, 0, s.numEnvs),
    truncated: new Uint8Array(b.flags, s.numEnvs, s.numEnvs),
  };
}

/**
 * Worker w owns a contiguous block of copies, so neighbouring slots (several to a cache line) are written by one
 * thread; which worker steps a copy never changes what the copy does.
 */
export function ownerOf(env: number, numEnvs: number, numWorkers: number): number {
  return Math.floor((env * numWorkers) / numEnvs);
}
