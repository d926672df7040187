// A pool worker: owns the emulators of its copies (its own WASM instances) and runs the tasks the main thread
// posts in shared memory, writing observations, rewards and info straight into the shared slots.

import { workerData } from 'node:worker_threads';
import type { Env } from '../envs/env.js';
import { TimeLimit } from '../wrappers/time-limit.js';
import { makeAtari, atariIds, atariInfo } from '../envs/atari/registry.js';
import { Ctrl, ERROR_BYTES, Slot, SLOT_FIELDS, Task, type PoolBuffers, type PoolShape, ownerOf } from './layout.js';

export interface WorkerData {
  worker: number;
  shape: PoolShape;
  buffers: PoolBuffers;
  envId: string;
  kwargs: Record<string, unknown>;
  maxEpisodeSteps: number;
  rom: Uint8Array;
}

const d = workerData as WorkerData;
const { shape, buffers } = d;
const ctrl = new Int32Array(buffers.ctrl);
const slots = new Int32Array(buffers.slots);
const actions = new Float64Array(buffers.actions);
const seeds = new Float64Array(buffers.seeds);
const rewards = new Float64Array(buffers.rewards);
const infos = new Float64Array(buffers.infos);
const obs = shape.obsDtype === 'float32' ? new Float32Array(buffers.obs) : new Uint8Array(buffers.obs);
const render = new Uint8Array(buffers.render);
const wake = Ctrl.Wake + d.worker;
const K = shape.infoKeys.length;

function fail(e: unknown): void {
  const bytes = new TextEncoder().encode(e instanceof Error ? e.message : String(e)).subarray(0, ERROR_BYTES);
  new Uint8Array(buffers.error).set(bytes);
  Atomics.store(ctrl, Ctrl.Failed, 1);
  Atomics.add(ctrl, Ctrl.Done, 1);
  Atomics.notify(ctrl, Ctrl.Done);
}

function build(): Map<number, Env> {
  const a = atariIds().find((x) => x.id === d.envId);
  if (!a) throw new Error(`the worker pool has no Atari id '${d.envId}'`);
  const info = atariInfo(a);
  const envs = new Map<number, Env>();
  for (let i = 0; i < shape.numEnvs; i++) {
    if (ownerOf(i, shape.numWorkers) !== d.worker) continue;
    const env = makeAtari(a, info, d.kwargs, { load: () => d.rom });
    envs.set(i, d.maxEpisodeSteps > 0 ? new TimeLimit(env, d.maxEpisodeSteps) : env);
  }
  return envs;
}

function write(i: number, o: ArrayLike<number>, info: Record<string, unknown>): void {
  obs.set(o, i * shape.obsSize);
  for (let k = 0; k < K; k++) infos[i * K + k] = Number(info[shape.infoKeys[k]] ?? NaN);
}

function run(): void {
  const envs = build();
  const ended = new Map<number, boolean>();
  for (;;) {
    const seen = Atomics.load(ctrl, wake);
    if (Atomics.load(ctrl, Ctrl.Stop)) return;
    for (const [i, env] of envs) {
      const base = i * SLOT_FIELDS;
      const task = Atomics.load(slots, base + Slot.Task);
      if (task === Task.None) continue;
      if (task === Task.Render) {
        render.set(env.render().data);
      } else if (task === Task.Reset || ended.get(i)) {
        // An explicit reset, or NEXT_STEP autoreset of a copy that ended on its previous step (its action is ignored).
        const r = env.reset(task === Task.Reset && slots[base + Slot.Seeded] ? seeds[i] : undefined);
        write(i, r.obs as ArrayLike<number>, r.info);
        rewards[i] = 0;
        slots[base + Slot.Terminated] = 0;
        slots[base + Slot.Truncated] = 0;
        ended.set(i, false);
      } else {
        const r = env.step(actions[i]);
        write(i, r.obs as ArrayLike<number>, r.info);
        rewards[i] = r.reward;
        slots[base + Slot.Terminated] = r.terminated ? 1 : 0;
        slots[base + Slot.Truncated] = r.truncated ? 1 : 0;
        ended.set(i, r.terminated || r.truncated);
      }
      Atomics.store(slots, base + Slot.Task, Task.None);
      slots[base + Slot.Order] = Atomics.add(ctrl, Ctrl.Order, 1);
      Atomics.store(slots, base + Slot.Ready, 1);
      Atomics.add(ctrl, Ctrl.Done, 1);
      Atomics.notify(ctrl, Ctrl.Done);
    }
    Atomics.wait(ctrl, wake, seen);
  }
}

try {
  run();
} catch (e) {
  fail(e);
}
