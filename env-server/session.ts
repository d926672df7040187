// One session: `numEnvs` copies of one environment, owned by one client, held by a backend (backend/backend.ts).
// A single session (numEnvs 1, not vector) refuses to step before reset or after its episode ended; a vector
// session's finished copies reset on their next step (NEXT_STEP autoreset, done by the backend). The session
// decodes and checks requests, keeps the episode statistics of copy 0 from the backend's results (whichever
// backend it is), and tells the episode observer (the recorder) when copy 0 starts and steps.

import { type Info, type Picture, NO_INFO } from './envs/env.js';
import type { Native } from '../proto/spaces.js';
import { unstack } from '../proto/batch.js';
import { type StepMsg, type TensorMsg, type ValueMapMsg, type ValueMsg, tensorToProto, valueFromProto, valueMapToProto, valueToProto } from '../proto/codec.js';
import { type Value, scalar, tensor } from '../proto/tensor.js';
import { clip, failedPrecondition, invalidArgument } from './errors.js';
import { optionErrors } from './registry.js';
import { Series } from './viewer/series.js';
import { type BatchReset, type SessionBackend, checkSeed } from './backend/backend.js';


const enum Phase {
  NeedsReset,
  Running,
  /** A single session's episode ended. */
  Ended,
}

export interface ResetMsg {
  observation: ValueMsg;
  infos: ValueMapMsg[];
}

/** Counters the viewer and logs read; updated on every step without allocation. */
export class SessionStats {
  steps = 0;
  episodes = 0;
  resets = 0;
  lastReturn = NaN;
  currentReturn = 0;
}

/** Follows copy 0's episodes step by step (the episode recorder); while none is set, a step pays one null check. */
export interface EpisodeObserver {
  /** Copy 0 began an episode (reset, or a vector session's autoreset). */
  started(): void;
  /** Copy 0 took a step; `ended` when its episode terminated or was truncated. */
  stepped(ended: boolean): void;
}

/** Distinct metric names one session may report; enough for any training curve set, small enough to bound memory. */
export const MAX_METRICS = 32;
const MAX_METRIC_NAME = 64;

export class Session {
  readonly numEnvs: number;
  readonly stats = new SessionStats();
  lastUsed = Date.now();
  /** Return per finished episode of copy 0, over the episode number. */
  readonly returnCurve = new Series();
  /** Metrics the agent reported, over its step count. */
  readonly metrics = new Map<string, Series>();
  observer: EpisodeObserver | null = null;
  private phase = Phase.NeedsReset;
  /** Copy 0's last row ended its episode: its next row is its autoreset. */
  private copy0Ended = false;

  constructor(
    readonly id: string,
    readonly envId: string,
    readonly owner: string,
    readonly backend: SessionBackend,
    readonly vector: boolean,
  ) {
    this.numEnvs = backend.numEnvs;
  }

  reset(seed: number | undefined, options: Record<string, unknown> | undefined): ResetMsg {
    checkSeed(seed, this.numEnvs);
    const r = optionErrors(this.envId, () => this.backend.reset(seed, options));
    this.phase = Phase.Running;
    this.copy0Ended = false;
    this.stats.currentReturn = 0;
    this.stats.resets++;
    this.observer?.started();
    return this.resetMsg(r);
  }

  step(action: ValueMsg | null | undefined): StepMsg {
    const actions = this.decodeActions(action);
    if (this.phase === Phase.NeedsReset) throw failedPrecondition(`${this.vector ? 'vector ' : ''}session ${this.id} (${this.envId}) has not been reset; call reset before step`);
    if (this.phase === Phase.Ended) throw failedPrecondition(`the episode of session ${this.id} (${this.envId}) has ended; call reset before stepping again`);
    const r = this.backend.step(actions);
    const k = r.envIds.indexOf(0);
    if (k >= 0) this.followCopy0(r.reward[k], r.terminated[k] !== 0 || r.truncated[k] !== 0);
    if (!this.vector && (r.terminated[0] !== 0 || r.truncated[0] !== 0)) this.phase = Phase.Ended;
    this.stats.steps += r.envIds.length;
    return { observation: valueToProto(r.obs), reward: r.reward, terminated: r.terminated, truncated: r.truncated, infos: compactInfos(r.infos) };
  }

  /** Episode statistics and observer calls from copy 0's row, the same for every backend. */
  private followCopy0(reward: number, ended: boolean): void {
    if (this.copy0Ended) {
      // NEXT_STEP autoreset: this row is copy 0's reset, not a step of its episode.
      this.copy0Ended = false;
      this.stats.currentReturn = 0;
      this.observer?.started();
      return;
    }
    this.stats.currentReturn += reward;
    if (ended) {
      this.copy0Ended = true;
      this.stats.episodes++;
      this.stats.lastReturn = this.stats.currentReturn;
      this.returnCurve.push(this.stats.episodes, this.stats.currentReturn);
    }
    this.observer?.stepped(ended);
  }

  render(index: number): TensorMsg {
    this.checkIndex(index, 'render');
    const f = this.backend.render(index);
    return tensorToProto({ dtype: 'uint8', shape: [f.height, f.width, 3], data: f.data });
  }

  /** Copy `index`'s picture for viewers and recordings. */
  picture(index = 0): Picture {
    this.checkIndex(index, 'picture');
    return this.backend.picture(index);
  }

  /** Records the agent's metrics at `step` (the session's step count when absent). */
  report(step: number | undefined, metrics: Record<string, number>): void {
    if (step !== undefined && (!Number.isSafeInteger(step) || step < 0)) throw invalidArgument(`report step must be an integer in [0, 2^53), got ${clip(String(step))}`);
    const names = Object.keys(metrics);
    for (const name of names) {
      if (name.length === 0 || name.length > MAX_METRIC_NAME) throw invalidArgument(`metric names must have 1 to ${MAX_METRIC_NAME} characters, got '${clip(name)}'`);
    }
    const fresh = names.filter((n) => !this.metrics.has(n));
    if (this.metrics.size + fresh.length > MAX_METRICS) {
      throw invalidArgument(`session ${this.id} may report at most ${MAX_METRICS} distinct metrics; it has ${this.metrics.size} and this report adds ${fresh.length} more`);
    }
    const x = step ?? this.stats.steps;
    for (const name of names) {
      let s = this.metrics.get(name);
      if (!s) this.metrics.set(name, (s = new Series()));
      s.push(x, metrics[name]);
    }
  }

  close(): void {
    this.backend.close();
  }

  private checkIndex(index: number, what: string): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.numEnvs) {
      throw invalidArgument(`${what} index ${clip(String(index))} is out of range; session ${this.id} has copies 0..${this.numEnvs - 1}`);
    }
    if (this.phase === Phase.NeedsReset) throw failedPrecondition(`session ${this.id} has not been reset; call reset before ${what}`);
  }

  private resetMsg(r: BatchReset): ResetMsg {
    return { observation: valueToProto(r.obs), infos: compactInfos(r.infos) };
  }

  /** Decodes and checks every row's action before any copy steps, so a bad request leaves the session untouched. */
  private decodeActions(msg: ValueMsg | null | undefined): Native[] {
    const space = this.backend.actionSpace;
    const rows = this.backend.batchSize;
    if (!msg) throw invalidArgument(`step needs an action in ${space}${this.vector ? `, batched over ${rows} copies` : ''}`);
    let actions: Native[];
    try {
      const v: Value = valueFromProto(msg);
      actions = this.vector ? unstack(space, v, rows) : [space.fromValue(v)];
    } catch (e) {
      throw invalidArgument(`bad action for ${this.envId}: ${clip((e as Error).message, 300)}`);
    }
    for (let i = 0; i < actions.length; i++) {
      const err = this.backend.checkAction(actions[i]);
      if (err) throw invalidArgument(`bad action for ${this.envId}${this.vector ? (this.backend.batchSize < this.numEnvs ? ` (row ${i})` : ` (copy ${i})`) : ''}: ${clip(err, 300)}`);
    }
    return actions;
  }
}

const EMPTY_INFO: ValueMapMsg = { keys: [], values: [] };

/** No infos at all when every copy's is empty: a 1024-copy CartPole step would otherwise carry 1024 empty maps. */
function compactInfos(infos: Info[]): ValueMapMsg[] {
  let empty = true;
  for (const info of infos) {
    if (info === NO_INFO) continue;
    for (const _ in info) {
      empty = false;
      break;
    }
    if (!empty) break;
  }
  return empty ? [] : infos.map(infoToProto);
}

export function infoToProto(info: Info): ValueMapMsg {
  const keys = Object.keys(info);
  if (keys.length === 0) return EMPTY_INFO;
  const map: Record<string, Value> = {};
  for (const k of keys) {
    const v = info[k];
    if (typeof v === 'number') map[k] = scalar('float64', v);
    else if (typeof v === 'bigint') map[k] = tensor('int64', [], [v]);
    else if (typeof v === 'boolean') map[k] = scalar('bool', v ? 1 : 0);
    else if (ArrayBuffer.isView(v)) {
      const dtype = TYPED_DTYPES.get(v.constructor as never);
      if (dtype) map[k] = { dtype, shape: [v.length], data: v };
    }
  }
  return valueMapToProto(map);
}

const TYPED_DTYPES = new Map<unknown, Parameters<typeof scalar>[0]>([
  [Uint8Array, 'uint8'],
  [Int8Array, 'int8'],
  [Uint16Array, 'uint16'],
  [Int16Array, 'int16'],
  [Uint32Array, 'uint32'],
  [Int32Array, 'int32'],
  [BigInt64Array, 'int64'],
  [Float32Array, 'float32'],
  [Float64Array, 'float64'],
]);
