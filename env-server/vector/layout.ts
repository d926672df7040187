// The shared memory of a worker pool: one control block of Int32 cells used with Atomics, and per-copy slots for
// actions, seeds, observations, rewards, flags and numeric info. Main thread and workers map the same buffers.

import { bytesPerElement, type DType } from '../../proto/tensor.js';

export const enum Ctrl {
  /** Copies finished since the pool started (main waits on it). */
  Done,
  /** Finish order counter (asynchronous mode returns the earliest finishers). */
  Order,
  Stop,
  /** Set by a worker that failed; the message is in the error bytes. */
  Failed,
  /** First of one wake-up counter per worker. */
  Wake,
}

export const enum Task {
  None,
  Step,
  Reset,
  Render,
}

export const ERROR_BYTES = 4096;

export interface PoolShape {
  numEnvs: number;
  numWorkers: number;
  obsSize: number;
  obsDtype: DType;
  infoKeys: string[];
  /** One RGB render of the game's screen. */
  renderBytes: number;
}

export interface PoolBuffers {
  ctrl: SharedArrayBuffer;
  /** Per copy: task, ready flag, finish order, seeded flag, terminated, truncated (Int32 each). */
  slots: SharedArrayBuffer;
  actions: SharedArrayBuffer;
  seeds: SharedArrayBuffer;
  rewards: SharedArrayBuffer;
  infos: SharedArrayBuffer;
  obs: SharedArrayBuffer;
  render: SharedArrayBuffer;
  error: SharedArrayBuffer;
}

export const SLOT_FIELDS = 6;
export const enum Slot {
  Task,
  Ready,
  Order,
  Seeded,
  Terminated,
  Truncated,
}

export function allocate(s: PoolShape): PoolBuffers {
  const sab = (n: number) => new SharedArrayBuffer(Math.max(8, n));
  return {
    ctrl: sab(4 * (Ctrl.Wake + s.numWorkers)),
    slots: sab(4 * SLOT_FIELDS * s.numEnvs),
    actions: sab(8 * s.numEnvs),
    seeds: sab(8 * s.numEnvs),
    rewards: sab(8 * s.numEnvs),
    infos: sab(8 * s.numEnvs * s.infoKeys.length),
    obs: sab(bytesPerElement(s.obsDtype) * s.obsSize * s.numEnvs),
    render: sab(s.renderBytes),
    error: sab(ERROR_BYTES),
  };
}

/** Copy i belongs to worker i mod numWorkers; which worker steps a copy never changes what the copy does. */
export function ownerOf(env: number, numWorkers: number): number {
  return env % numWorkers;
}
