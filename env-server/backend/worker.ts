// A pool worker: builds the registry from its recipe, makes its copies of the id there (time limit included, as
// registry.make does for any session), and runs the tasks the main thread posts in shared memory. Copies step
// through EnvCopy, as in process, into rows that are the shared slots themselves: observations, rewards and flags
// are written once, where main reads them.

import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { Registry, RegistryRecipe } from '../registry.js';
import type { Info } from '../envs/env.js';
import { pictureOf } from '../envs/env.js';
import { EnvCopy } from './env-copy.js';
import { Ctrl, ERROR_BYTES, Slot, SLOT_FIELDS, Task, type PoolBuffers, type PoolShape, ownerOf, sharedRows } from './layout.js';
import { writePicture } from './picture-bytes.js';
import { BatchRows } from './rows.js';

export interface WorkerData {
  worker: number;
  shape: PoolShape;
  buffers: PoolBuffers;
  recipe: RegistryRecipe;
  envId: string;
  kwargs: Record<string, unknown>;
  maxEpisodeSteps: number;
  /** Where reset options arrive, one message per copy reset with options. */
  options: MessagePort;
}

const d = workerData as WorkerData;
const { shape, buffers } = d;
const ctrl = new Int32Array(buffers.ctrl);
const slots = new Int32Array(buffers.slots);
const actions = new Float64Array(buffers.actions);
const seeds = new Float64Array(buffers.seeds);
const infos = new Float64Array(buffers.infos);
const picture = new Uint8Array(buffers.picture);
const wake = Ctrl.Wake + d.worker;
const K = shape.infoKeys.length;

function fail(e: unknown): void {
  const bytes = new TextEncoder().encode(e instanceof Error ? e.message : String(e)).subarray(0, ERROR_BYTES);
  new Uint8Array(buffers.error).set(bytes);
  Atomics.store(ctrl, Ctrl.Failed, 1);
  Atomics.add(ctrl, Ctrl.Done, 1);
  Atomics.notify(ctrl, Ctrl.Done);
}

/** This worker's copies: their indices and the copies, in index order. */
interface Owned {
  ids: number[];
  copies: EnvCopy[];
  rows: BatchRows;
}

async function build(): Promise<Owned> {
  const mod = (await import(d.recipe.module)) as Record<string, (...args: unknown[]) => Registry>;
  const registry = mod[d.recipe.export](...d.recipe.args);
  const ids: number[] = [];
  const copies: EnvCopy[] = [];
  for (let i = 0; i < shape.numEnvs; i++) {
    if (ownerOf(i, shape.numEnvs, shape.numWorkers) !== d.worker) continue;
    ids.push(i);
    copies.push(new EnvCopy(registry.make(d.envId, d.kwargs, d.maxEpisodeSteps), true));
  }
  return { ids, copies, rows: new BatchRows(copies[0].env.observationSpace, shape.numEnvs, sharedRows(buffers, shape)) };
}

function writeInfo(i: number, info: Info): void {
  for (let k = 0; k < K; k++) infos[i * K + k] = Number(info[shape.infoKeys[k]] ?? NaN);
}

/** Adds `n` finished copies to Done, waking main if that is what it waits for. */
function finished(n: number): void {
  if (Atomics.add(ctrl, Ctrl.Done, n) + n >= Atomics.load(ctrl, Ctrl.Target)) Atomics.notify(ctrl, Ctrl.Done);
}

function run({ ids, copies, rows }: Owned): void {
  for (;;) {
    const seen = Atomics.load(ctrl, wake);
    if (Atomics.load(ctrl, Ctrl.Stop)) return;
    let done = 0;
    for (let j = 0; j < ids.length; j++) {
      const i = ids[j];
      const copy = copies[j];
      const base = i * SLOT_FIELDS;
      const task = Atomics.load(slots, base + Slot.Task);
      if (task === Task.None) continue;
      if (task === Task.Render) {
        writePicture({ kind: 'rgb', ...copy.env.render() }, picture);
      } else if (task === Task.Picture) {
        writePicture(pictureOf(copy.env), picture);
      } else if (task === Task.Reset) {
        const options = slots[base + Slot.Options] ? (receiveMessageOnPort(d.options)?.message as Record<string, unknown>) : undefined;
        rows.put(i, copy.reset(slots[base + Slot.Seeded] ? seeds[i] : undefined, options));
        writeInfo(i, rows.infos[i]);
      } else {
        copy.step(actions[i], rows, i);
        writeInfo(i, rows.infos[i]);
      }
      Atomics.store(slots, base + Slot.Task, Task.None);
      if (shape.asynchronous) {
        slots[base + Slot.Order] = Atomics.add(ctrl, Ctrl.Order, 1);
        Atomics.store(slots, base + Slot.Ready, 1);
        finished(1);
      } else {
        Atomics.store(slots, base + Slot.Ready, 1);
        done++;
      }
    }
    if (done > 0) finished(done);
    Atomics.wait(ctrl, wake, seen);
  }
}

try {
  run(await build());
} catch (e) {
  fail(e);
}
