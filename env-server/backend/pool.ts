// A vector session's copies stepped in parallel by worker threads, each owning the envs of its copies and
// building them itself from the registry (as Gymnasium's AsyncVectorEnv hands each worker how to build its env).
// The request handler stays synchronous: it posts tasks in shared memory, wakes the workers and blocks on an
// Atomics counter until enough copies are done. With batchSize < numEnvs (EnvPool's asynchronous mode) a step
// returns the first batchSize copies to finish and the next step carries actions for exactly those copies.

import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { Box, Discrete, type Native, type Space } from '../../proto/spaces.js';
import { allocTensor } from '../../proto/tensor.js';
import { copySeed } from '../../proto/batch.js';
import type { Env, Info, Picture, RgbFrame, ScenePainter } from '../envs/env.js';
import { NO_INFO, actionError, pictureOf } from '../envs/env.js';
import { failedPrecondition, invalidArgument, unavailable } from '../errors.js';
import type { RegistryRecipe } from '../registry.js';
import type { BatchReset, BatchStep, SessionBackend } from './backend.js';
import { Ctrl, type InfoKind, Slot, SLOT_FIELDS, Task, allocate, ownerOf, sharedRows, type PoolBuffers, type PoolShape } from './layout.js';
import { pictureBytes, readPicture } from './picture-bytes.js';
import type { WorkerData } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** A worker that answers nothing for this long is taken as hung. */
const STALL_MS = 120_000;

export interface PoolOptions {
  /** How each worker builds the registry the id is made from. */
  recipe: RegistryRecipe;
  envId: string;
  kwargs: Record<string, unknown>;
  maxEpisodeSteps: number;
  numEnvs: number;
  numWorkers: number;
  batchSize?: number;
  /**
   * One copy built on this thread: its spaces, info keys and picture sizes describe the pool's copies, and it
   * checks reset options before they reach the workers. The pool owns it from here on.
   */
  probe: Env;
}

/** Why an env cannot run on the pool, or null when it can. */
export function poolRefusal(env: Env): string | null {
  const o = env.observationSpace;
  if (!(o instanceof Box) || o.dtype === 'int64' || o.dtype === 'bool') return `the worker pool carries Box observations of numeric dtype other than int64 (this env's: ${o})`;
  if (!(env.actionSpace instanceof Discrete)) return `the worker pool carries Discrete actions (this env's: ${env.actionSpace})`;
  return null;
}

export class WorkerPool implements SessionBackend {
  readonly numEnvs: number;
  readonly batchSize: number;
  readonly numWorkers: number;
  readonly observationSpace: Box;
  readonly actionSpace: Space;
  readonly painter: ScenePainter | 'image';
  private readonly probe: Env;
  private readonly shape: PoolShape;
  private readonly buffers: PoolBuffers;
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private readonly ctrl: Int32Array;
  private readonly slots: Int32Array;
  private readonly actions: Float64Array;
  private readonly seeds: Float64Array;
  /** The copies' results, where the workers write them. */
  private readonly rows: ReturnType<typeof sharedRows>;
  private readonly infos: Float64Array;
  private readonly obs: Uint8Array;
  private readonly picturesBuf: Uint8Array;
  /** Copies finished and handed back so far; Done - returned = finished copies waiting to be returned. */
  private returned = 0;
  /** The copies the next step's actions are for. */
  private pending: number[] = [];
  private closed = false;

  constructor(o: PoolOptions) {
    const refusal = poolRefusal(o.probe);
    if (refusal) throw invalidArgument(`${o.envId}: ${refusal}`);
    this.probe = o.probe;
    this.numEnvs = o.numEnvs;
    this.batchSize = o.batchSize ?? o.numEnvs;
    this.numWorkers = Math.min(o.numWorkers, o.numEnvs);
    this.observationSpace = o.probe.observationSpace as Box;
    this.actionSpace = o.probe.actionSpace;
    this.painter = o.probe.painter ?? 'image';
    const first = o.probe.reset(0);
    const infoKeys = Object.keys(first.info).filter((k) => infoKind(first.info[k]) !== null);
    const rgb = o.probe.render();
    const shape: PoolShape = {
      numEnvs: o.numEnvs,
      numWorkers: this.numWorkers,
      asynchronous: this.batchSize < o.numEnvs,
      obsBytes: (first.obs as ArrayBufferView).byteLength,
      obsDtype: this.observationSpace.dtype,
      infoKeys,
      infoKinds: infoKeys.map((k) => infoKind(first.info[k])!),
      pictureBytes: Math.max(pictureBytes(pictureOf(o.probe)), pictureBytes({ kind: 'rgb', ...rgb })),
    };
    this.shape = shape;
    const b = (this.buffers = allocate(shape));
    this.ctrl = new Int32Array(b.ctrl);
    this.slots = new Int32Array(b.slots);
    this.actions = new Float64Array(b.actions);
    this.seeds = new Float64Array(b.seeds);
    this.rows = sharedRows(b, shape);
    this.infos = new Float64Array(b.infos);
    this.obs = new Uint8Array(b.obs);
    this.picturesBuf = new Uint8Array(b.picture);
    for (let w = 0; w < this.numWorkers; w++) {
      const { port1, port2 } = new MessageChannel();
      const data: WorkerData = { worker: w, shape, buffers: b, recipe: o.recipe, envId: o.envId, kwargs: o.kwargs, maxEpisodeSteps: o.maxEpisodeSteps, options: port2 };
      const worker = new Worker(WORKER_URL, { workerData: data, transferList: [port2] });
      worker.unref();
      port1.unref();
      this.workers.push(worker);
      this.ports.push(port1);
    }
  }

  reset(seed: number | undefined, options: Record<string, unknown> | undefined): BatchReset {
    this.check();
    // Options are checked on the probe first, so a bad one is refused with nothing reset.
    if (options && Object.keys(options).length > 0) this.probe.reset(undefined, options);
    else options = undefined;
    // Copies still running from an asynchronous step finish first, so none writes over the reset; their results are dropped.
    this.drain();
    for (let i = 0; i < this.numEnvs; i++) {
      const base = i * SLOT_FIELDS;
      Atomics.store(this.slots, base + Slot.Ready, 0);
      const s = copySeed(seed, i);
      this.slots[base + Slot.Seeded] = s === undefined ? 0 : 1;
      this.seeds[i] = s ?? 0;
      this.slots[base + Slot.Options] = options ? 1 : 0;
      if (options) this.ports[ownerOf(i, this.numEnvs, this.numWorkers)].postMessage(options);
    }
    this.returned = Atomics.load(this.ctrl, Ctrl.Done);
    this.post(Array.from({ length: this.numEnvs }, (_, i) => i), Task.Reset);
    this.waitFor(this.numEnvs);
    const ids = this.take(this.numEnvs);
    this.pending = ids.slice(0, this.batchSize);
    // In asynchronous mode the other copies' reset results wait to be returned by the next steps, as in EnvPool.
    if (this.batchSize < this.numEnvs) this.markReady(ids.slice(this.batchSize));
    const batch = this.pending;
    return { obs: this.gather(batch), infos: batch.map((i) => this.info(i)), envIds: batch };
  }

  step(actions: Native[]): BatchStep {
    this.check();
    if (this.pending.length === 0) throw failedPrecondition('the vector session has not been reset; call reset before step');
    if (actions.length !== this.pending.length) throw invalidArgument(`expected ${this.pending.length} actions (one per copy of the last result), got ${actions.length}`);
    for (let k = 0; k < actions.length; k++) this.actions[this.pending[k]] = actions[k] as number;
    this.post(this.pending, Task.Step);
    this.waitFor(this.batchSize);
    const ids = this.take(this.batchSize);
    this.pending = ids;
    const reward = new Float64Array(ids.length);
    const terminated = new Uint8Array(ids.length);
    const truncated = new Uint8Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      reward[k] = this.rows.reward[i];
      terminated[k] = this.rows.terminated[i];
      truncated[k] = this.rows.truncated[i];
    }
    return { obs: this.gather(ids), reward, terminated, truncated, infos: ids.map((i) => this.info(i)), envIds: ids };
  }

  checkAction(action: Native): string | null {
    return actionError(this.probe, action);
  }

  render(index: number): RgbFrame {
    const p = this.pictureTask(index, Task.Render);
    if (p.kind !== 'rgb') throw new Error('a render came back as a non-RGB picture');
    return p;
  }

  picture(index: number): Picture {
    return this.pictureTask(index, Task.Picture);
  }

  private pictureTask(index: number, task: Task.Render | Task.Picture): Picture {
    this.check();
    this.drain();
    const slot = index * SLOT_FIELDS + Slot.Ready;
    const wasReady = Atomics.load(this.slots, slot);
    const target = Atomics.load(this.ctrl, Ctrl.Done) + 1;
    this.post([index], task);
    this.waitDone(target);
    // A picture is not a result: the copy keeps whatever result it had waiting.
    Atomics.store(this.slots, slot, wasReady);
    this.returned++;
    return readPicture(this.picturesBuf);
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
    for (const p of this.ports) p.close();
    this.probe.close?.();
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
    const woken = new Uint8Array(this.numWorkers);
    for (const i of ids) {
      Atomics.store(this.slots, i * SLOT_FIELDS + Slot.Task, task);
      woken[ownerOf(i, this.numEnvs, this.numWorkers)] = 1;
    }
    for (let w = 0; w < this.numWorkers; w++) {
      if (!woken[w]) continue;
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
    Atomics.store(this.ctrl, Ctrl.Target, target);
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

  /** The observations of `ids` in their order, copying each run of consecutive copies at once. */
  private gather(ids: number[]) {
    const size = this.shape.obsBytes;
    const t = allocTensor(this.shape.obsDtype, [ids.length, ...this.observationSpace.shape]);
    const bytes = new Uint8Array(t.data.buffer);
    for (let k = 0; k < ids.length; ) {
      let end = k + 1;
      while (end < ids.length && ids[end] === ids[end - 1] + 1) end++;
      bytes.set(this.obs.subarray(ids[k] * size, (ids[end - 1] + 1) * size), k * size);
      k = end;
    }
    return t;
  }

  private info(i: number): Info {
    const { infoKeys: keys, infoKinds: kinds } = this.shape;
    if (keys.length === 0 && this.batchSize === this.numEnvs) return NO_INFO;
    const out: Info = {};
    for (let j = 0; j < keys.length; j++) {
      const v = this.infos[i * keys.length + j];
      out[keys[j]] = kinds[j] === 'int64' ? BigInt(v) : kinds[j] === 'bool' ? v !== 0 : v;
    }
    if (this.batchSize < this.numEnvs) out.env_id = BigInt(i);
    return out;
  }
}

/** How the pool carries an info value through its float64 slots; null for values it does not carry (arrays). */
function infoKind(v: unknown): InfoKind | null {
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'boolean') return 'bool';
  return null;
}
