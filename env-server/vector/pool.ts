// A vector of Atari copies stepped in parallel by worker threads, each owning the emulators of its copies. The
// request handler stays synchronous: it posts tasks in shared memory, wakes the workers and blocks on an Atomics
// counter until enough copies are done. With batchSize < numEnvs (EnvPool's asynchronous mode) a step returns the
// first batchSize copies to finish and the next step carries actions for exactly those copies.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { Box, type Native, type Space } from '../../proto/spaces.js';
import type { Info, RgbFrame } from '../envs/env.js';
import { failedPrecondition, invalidArgument, unavailable } from '../errors.js';
import type { VectorBackend, VectorReset, VectorStep } from './backend.js';
import { Ctrl, Slot, SLOT_FIELDS, Task, allocate, ownerOf, type PoolBuffers, type PoolShape } from './layout.js';
import type { WorkerData } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** A worker that answers nothing for this long is taken as hung. */
const STALL_MS = 120_000;

export interface PoolOptions {
  envId: string;
  kwargs: Record<string, unknown>;
  maxEpisodeSteps: number;
  rom: Uint8Array;
  numEnvs: number;
  numWorkers?: number;
  batchSize?: number;
  observationSpace: Space;
  actionSpace: Space;
  infoKeys: string[];
  /** Size of the copies' renders (all play the same ROM). */
  screen: { width: number; height: number };
}

export class WorkerPool implements VectorBackend {
  readonly numEnvs: number;
  readonly batchSize: number;
  readonly numWorkers: number;
  readonly observationSpace: Box;
  readonly actionSpace: Space;
  private readonly screen: { width: number; height: number };
  private readonly shape: PoolShape;
  private readonly buffers: PoolBuffers;
  private readonly workers: Worker[] = [];
  private readonly ctrl: Int32Array;
  private readonly slots: Int32Array;
  private readonly actions: Float64Array;
  private readonly seeds: Float64Array;
  private readonly rewards: Float64Array;
  private readonly infos: Float64Array;
  private readonly obs: Uint8Array | Float32Array;
  /** Copies finished and handed back so far; Done - returned = finished copies waiting to be returned. */
  private returned = 0;
  /** The copies the next step's actions are for. */
  private pending: number[] = [];
  private closed = false;

  constructor(o: PoolOptions) {
    if (!(o.observationSpace instanceof Box) || (o.observationSpace.dtype !== 'uint8' && o.observationSpace.dtype !== 'float32')) {
      throw new TypeError(`the worker pool needs uint8 or float32 Box observations, got ${o.observationSpace}`);
    }
    this.numEnvs = o.numEnvs;
    this.batchSize = o.batchSize ?? o.numEnvs;
    this.numWorkers = Math.min(o.numWorkers ?? availableParallelism(), o.numEnvs);
    this.observationSpace = o.observationSpace;
    this.actionSpace = o.actionSpace;
    const obsSize = o.observationSpace.shape.reduce((a, b) => a * b, 1);
    this.screen = o.screen;
    const renderBytes = o.screen.width * o.screen.height * 3;
    this.shape = { numEnvs: o.numEnvs, numWorkers: this.numWorkers, obsSize, obsDtype: o.observationSpace.dtype, infoKeys: o.infoKeys, renderBytes };
    const b = (this.buffers = allocate(this.shape));
    this.ctrl = new Int32Array(b.ctrl);
    this.slots = new Int32Array(b.slots);
    this.actions = new Float64Array(b.actions);
    this.seeds = new Float64Array(b.seeds);
    this.rewards = new Float64Array(b.rewards);
    this.infos = new Float64Array(b.infos);
    this.obs = this.shape.obsDtype === 'float32' ? new Float32Array(b.obs) : new Uint8Array(b.obs);
    for (let w = 0; w < this.numWorkers; w++) {
      const data: WorkerData = { worker: w, shape: this.shape, buffers: b, envId: o.envId, kwargs: o.kwargs, maxEpisodeSteps: o.maxEpisodeSteps, rom: o.rom };
      const worker = new Worker(WORKER_URL, { workerData: data });
      worker.unref();
      this.workers.push(worker);
    }
  }

  reset(seed: number | undefined): VectorReset {
    this.check();
    // Copies still running from an asynchronous step finish first, so none writes over the reset; their results are dropped.
    this.drain();
    for (let i = 0; i < this.numEnvs; i++) {
      Atomics.store(this.slots, i * SLOT_FIELDS + Slot.Ready, 0);
      this.slots[i * SLOT_FIELDS + Slot.Seeded] = seed === undefined ? 0 : 1;
      this.seeds[i] = seed === undefined ? 0 : seed + i;
    }
    this.returned = Atomics.load(this.ctrl, Ctrl.Done);
    this.post(Array.from({ length: this.numEnvs }, (_, i) => i), Task.Reset);
    this.waitFor(this.numEnvs);
    const ids = this.take(this.numEnvs);
    this.pending = ids.slice(0, this.batchSize);
    // In asynchronous mode the other copies' reset results wait to be returned by the next steps, as in EnvPool.
    if (this.batchSize < this.numEnvs) this.markReady(ids.slice(this.batchSize));
    const batch = this.pending;
    return { obs: this.gather(batch), infos: batch.map((i) => this.info(i)) };
  }

  step(actions: Native[]): VectorStep {
    this.check();
    if (this.pending.length === 0) throw failedPrecondition('the vector session has not been reset; call reset before step');
    if (actions.length !== this.pending.length) throw invalidArgument(`expected ${this.pending.length} actions (one per copy of the last result), got ${actions.length}`);
    for (let k = 0; k < actions.length; k++) this.actions[this.pending[k]] = actions[k] as number;
    this.post(this.pending, Task.Step);
    this.waitFor(this.batchSize);
    const ids = this.take(this.batchSize);
    this.pending = ids;
    const reward = ids.map((i) => this.rewards[i]);
    const terminated = ids.map((i) => this.slots[i * SLOT_FIELDS + Slot.Terminated] === 1);
    const truncated = ids.map((i) => this.slots[i * SLOT_FIELDS + Slot.Truncated] === 1);
    return { obs: this.gather(ids), reward, terminated, truncated, infos: ids.map((i) => this.info(i)), envIds: ids };
  }

  render(index: number): RgbFrame {
    this.check();
    this.drain();
    const slot = index * SLOT_FIELDS + Slot.Ready;
    const wasReady = Atomics.load(this.slots, slot);
    const target = Atomics.load(this.ctrl, Ctrl.Done) + 1;
    this.post([index], Task.Render);
    this.waitDone(target);
    // A render is not a result: the copy keeps whatever result it had waiting.
    Atomics.store(this.slots, slot, wasReady);
    this.returned++;
    return { ...this.screen, data: new Uint8Array(this.buffers.render).slice() };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctrl, Ctrl.Stop, 1);
    for (let w = 0; w < this.numWorkers; w++) {
      Atomics.add(this.ctrl, Ctrl.Wake + w, 1);
      Atomics.notify(this.ctrl, Ctrl.Wake + w);
    }
    for (const w of this.workers) void w.terminate();
  }

  private check(): void {
    if (this.closed) throw unavailable('the vector session is closed');
  }

  /** Copies posted but not yet finished. */
  private outstanding(): number {
    let n = 0;
    for (let i = 0; i < this.numEnvs; i++) if (Atomics.load(this.slots, i * SLOT_FIELDS + Slot.Task) !== Task.None) n++;
    return n;
  }

  private post(ids: number[], task: Task): void {
    const woken = new Set<number>();
    for (const i of ids) {
      Atomics.store(this.slots, i * SLOT_FIELDS + Slot.Task, task);
      woken.add(ownerOf(i, this.numWorkers));
    }
    for (const w of woken) {
      Atomics.add(this.ctrl, Ctrl.Wake + w, 1);
      Atomics.notify(this.ctrl, Ctrl.Wake + w);
    }
  }

  /** Blocks until `n` finished copies are waiting to be returned. */
  private waitFor(n: number): void {
    this.waitDone(this.returned + n);
  }

  private drain(): void {
    while (this.outstanding() > 0) this.waitDone(Atomics.load(this.ctrl, Ctrl.Done) + 1);
  }

  /** Blocks until the workers have finished `target` tasks since the pool started. */
  private waitDone(target: number): void {
    for (;;) {
      const done = Atomics.load(this.ctrl, Ctrl.Done);
      if (Atomics.load(this.ctrl, Ctrl.Failed)) {
        const msg = new TextDecoder().decode(new Uint8Array(this.buffers.error).slice()).replace(/\0+$/, '');
        this.close();
        throw failedPrecondition(`a worker of the vector session failed: ${msg}`);
      }
      if (done >= target) return;
      if (Atomics.wait(this.ctrl, Ctrl.Done, done, STALL_MS) === 'timed-out' && Atomics.load(this.ctrl, Ctrl.Done) === done) {
        this.close();
        throw unavailable(`the vector session's workers did not answer within ${STALL_MS / 1000} s`);
      }
    }
  }

  /** The `n` earliest-finished ready copies, in finishing order for asynchronous mode, in copy order otherwise. */
  private take(n: number): number[] {
    const ready: number[] = [];
    for (let i = 0; i < this.numEnvs; i++) if (Atomics.load(this.slots, i * SLOT_FIELDS + Slot.Ready)) ready.push(i);
    if (n < this.numEnvs) ready.sort((a, b) => this.slots[a * SLOT_FIELDS + Slot.Order] - this.slots[b * SLOT_FIELDS + Slot.Order]);
    const ids = ready.slice(0, n);
    for (const i of ids) Atomics.store(this.slots, i * SLOT_FIELDS + Slot.Ready, 0);
    this.returned += ids.length;
    if (n < this.numEnvs) ids.sort((a, b) => a - b);
    return ids;
  }

  /** Puts finished copies back among those waiting to be returned. */
  private markReady(ids: number[]): void {
    for (const i of ids) Atomics.store(this.slots, i * SLOT_FIELDS + Slot.Ready, 1);
    this.returned -= ids.length;
  }

  private gather(ids: number[]) {
    const size = this.shape.obsSize;
    const Ctor = this.obs.constructor as Uint8ArrayConstructor | Float32ArrayConstructor;
    const data = new Ctor(ids.length * size);
    ids.forEach((i, k) => data.set(this.obs.subarray(i * size, (i + 1) * size), k * size));
    return { dtype: this.shape.obsDtype, shape: [ids.length, ...this.observationSpace.shape], data };
  }

  private info(i: number): Info {
    const keys = this.shape.infoKeys;
    const out: Info = {};
    keys.forEach((k, j) => (out[k] = this.infos[i * keys.length + j]));
    if (this.batchSize < this.numEnvs) out.env_id = i;
    return out;
  }
}
