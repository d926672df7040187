// One session: `numEnvs` copies of one environment, owned by one client. A single session (numEnvs 1, not vector)
// refuses to step before reset or after its episode ended; a vector session resets finished copies on their next
// step, as Gymnasium 1.x vector envs do (NEXT_STEP autoreset: that step's action for the copy is ignored and it
// returns the reset observation with reward 0).

import type { Env, Info } from './envs/env.js';
import type { Native, Space } from '../proto/spaces.js';
import { stack, unstack } from '../proto/batch.js';
import { type TensorMsg, type ValueMapMsg, type ValueMsg, tensorToProto, valueFromProto, valueMapToProto, valueToProto } from '../proto/codec.js';
import { type Value, scalar } from '../proto/tensor.js';
import { failedPrecondition, invalidArgument } from './errors.js';
import { Series } from './viewer/series.js';
import type { VectorBackend } from './vector/backend.js';

const enum Phase {
  NeedsReset,
  Running,
  Ended,
}

export interface StepMsg {
  observation: ValueMsg;
  reward: number[];
  terminated: boolean[];
  truncated: boolean[];
  infos: ValueMapMsg[];
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
  private readonly phase: Phase[];
  private readonly returns: Float64Array;
  private readonly observationSpace: Space;
  private readonly actionSpace: Space;

  constructor(
    readonly id: string,
    readonly envId: string,
    readonly owner: string,
    private readonly envs: Env[],
    readonly vector: boolean,
    /** When given, the copies live in the backend and `envs` is empty. */
    private readonly backend?: VectorBackend,
  ) {
    this.numEnvs = backend ? backend.numEnvs : envs.length;
    this.phase = Array.from({ length: this.numEnvs }, () => Phase.NeedsReset);
    this.returns = new Float64Array(this.numEnvs);
    this.observationSpace = backend ? backend.observationSpace : envs[0].observationSpace;
    this.actionSpace = backend ? backend.actionSpace : envs[0].actionSpace;
  }

  reset(seed: number | undefined, options: Record<string, unknown> | undefined): ResetMsg {
    if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0 || seed + this.numEnvs > Number.MAX_SAFE_INTEGER)) {
      throw invalidArgument(`seed must be an integer in [0, 2^53 - num_envs], got ${seed}`);
    }
    if (this.backend) {
      const r = this.backend.reset(seed, options);
      this.phase.fill(Phase.Running);
      return { observation: valueToProto(r.obs), infos: compactInfos(r.infos.map(infoToProto)) };
    }
    const obs: Native[] = [];
    const infos: ValueMapMsg[] = [];
    for (let i = 0; i < this.numEnvs; i++) {
      const r = this.envs[i].reset(seed === undefined ? undefined : seed + i, options);
      obs.push(r.obs);
      infos.push(infoToProto(r.info));
      this.phase[i] = Phase.Running;
      this.returns[i] = 0;
    }
    this.stats.currentReturn = 0;
    this.stats.resets++;
    this.observer?.started();
    return { observation: this.encodeObs(obs), infos: compactInfos(infos) };
  }

  step(action: ValueMsg | null | undefined): StepMsg {
    const actions = this.decodeActions(action);
    const n = this.numEnvs;
    if (!this.vector) {
      if (this.phase[0] === Phase.NeedsReset) throw failedPrecondition(`session ${this.id} (${this.envId}) has not been reset; call reset before step`);
      if (this.phase[0] === Phase.Ended) throw failedPrecondition(`the episode of session ${this.id} (${this.envId}) has ended; call reset before stepping again`);
    } else if (this.phase.includes(Phase.NeedsReset)) {
      throw failedPrecondition(`vector session ${this.id} (${this.envId}) has not been reset; call reset before step`);
    }
    if (this.backend) return this.backendStep(actions);
    const obs: Native[] = new Array(n);
    const reward: number[] = new Array(n);
    const terminated: boolean[] = new Array(n);
    const truncated: boolean[] = new Array(n);
    const infos: ValueMapMsg[] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (this.phase[i] === Phase.Ended) {
        const r = this.envs[i].reset(undefined, undefined);
        obs[i] = r.obs;
        reward[i] = 0;
        terminated[i] = false;
        truncated[i] = false;
        infos[i] = infoToProto(r.info);
        this.phase[i] = Phase.Running;
        this.returns[i] = 0;
        if (i === 0) this.observer?.started();
        continue;
      }
      const r = this.envs[i].step(actions[i]);
      obs[i] = r.obs;
      reward[i] = r.reward;
      terminated[i] = r.terminated;
      truncated[i] = r.truncated;
      infos[i] = infoToProto(r.info);
      this.returns[i] += r.reward;
      const ended = r.terminated || r.truncated;
      if (ended) {
        this.phase[i] = Phase.Ended;
        if (i === 0) this.endEpisode(this.returns[0]);
      }
      if (i === 0) this.observer?.stepped(ended);
    }
    this.stats.steps += n;
    this.stats.currentReturn = this.returns[0];
    return { observation: this.encodeObs(obs), reward, terminated, truncated, infos: compactInfos(infos) };
  }

  private backendStep(actions: Native[]): StepMsg {
    const r = this.backend!.step(actions);
    const first = r.envIds.indexOf(0);
    if (first >= 0) {
      this.returns[0] += r.reward[first];
      this.stats.currentReturn = this.returns[0];
      if (r.terminated[first] || r.truncated[first]) {
        this.endEpisode(this.returns[0]);
        this.returns[0] = 0;
      }
    }
    this.stats.steps += actions.length;
    return { observation: valueToProto(r.obs), reward: r.reward, terminated: r.terminated, truncated: r.truncated, infos: compactInfos(r.infos.map(infoToProto)) };
  }

  render(index: number): TensorMsg {
    if (!Number.isInteger(index) || index < 0 || index >= this.numEnvs) {
      throw invalidArgument(`render index ${index} is out of range; session ${this.id} has copies 0..${this.numEnvs - 1}`);
    }
    if (this.phase[index] === Phase.NeedsReset) throw failedPrecondition(`session ${this.id} has not been reset; call reset before render`);
    const f = this.backend ? this.backend.render(index) : this.envs[index].render();
    return tensorToProto({ dtype: 'uint8', shape: [f.height, f.width, 3], data: f.data });
  }

  /** Copy `index`'s env, for read-only observers (the viewer's frame sources); never step it from outside. */
  env(index = 0): Env {
    return this.envs[index];
  }

  /** Records the agent's metrics at `step` (the session's step count when absent). */
  report(step: number | undefined, metrics: Record<string, number>): void {
    if (step !== undefined && (!Number.isSafeInteger(step) || step < 0)) throw invalidArgument(`report step must be an integer in [0, 2^53), got ${step}`);
    const names = Object.keys(metrics);
    for (const name of names) {
      if (name.length === 0 || name.length > MAX_METRIC_NAME) throw invalidArgument(`metric names must have 1 to ${MAX_METRIC_NAME} characters, got '${name}'`);
    }
    const fresh = names.filter((n) => !this.metrics.has(n));
    if (this.metrics.size + fresh.length > MAX_METRICS) {
      throw invalidArgument(`session ${this.id} may report at most ${MAX_METRICS} distinct metrics; it has ${this.metrics.size} and this report adds ${fresh.join(', ')}`);
    }
    const x = step ?? this.stats.steps;
    for (const name of names) {
      let s = this.metrics.get(name);
      if (!s) this.metrics.set(name, (s = new Series()));
      s.push(x, metrics[name]);
    }
  }

  close(): void {
    this.backend?.close();
    for (const e of this.envs) e.close?.();
  }

  private endEpisode(ret: number): void {
    this.stats.episodes++;
    this.stats.lastReturn = ret;
    this.returnCurve.push(this.stats.episodes, ret);
  }

  private encodeObs(obs: Native[]): ValueMsg {
    return valueToProto(this.vector ? stack(this.observationSpace, obs) : this.observationSpace.toValue(obs[0]));
  }

  /** Decodes and checks every copy's action before any copy steps, so a bad request leaves the session untouched. */
  private decodeActions(msg: ValueMsg | null | undefined): Native[] {
    if (!msg) throw invalidArgument(`step needs an action in ${this.actionSpace}${this.vector ? `, batched over ${this.numEnvs} copies` : ''}`);
    let actions: Native[];
    try {
      const v: Value = valueFromProto(msg);
      actions = this.vector ? unstack(this.actionSpace, v, this.backend ? this.backend.batchSize : this.numEnvs) : [this.actionSpace.fromValue(v)];
    } catch (e) {
      throw invalidArgument(`bad action for ${this.envId}: ${(e as Error).message}`);
    }
    for (let i = 0; i < actions.length; i++) {
      if (this.vector && !this.backend && this.phase[i] === Phase.Ended) continue;
      const err = this.actionSpace.check(actions[i]);
      if (err) throw invalidArgument(`bad action for ${this.envId}${this.vector ? ` (copy ${i})` : ''}: ${err}`);
    }
    return actions;
  }
}

const EMPTY_INFO: ValueMapMsg = { keys: [], values: [] };

/** No infos at all when every copy's is empty: a 1024-copy CartPole step would otherwise carry 1024 empty maps. */
function compactInfos(infos: ValueMapMsg[]): ValueMapMsg[] {
  return infos.every((m) => m.keys.length === 0) ? [] : infos;
}

export function infoToProto(info: Info): ValueMapMsg {
  const keys = Object.keys(info);
  if (keys.length === 0) return EMPTY_INFO;
  const map: Record<string, Value> = {};
  for (const k of keys) {
    const v = info[k];
    if (typeof v === 'number') map[k] = scalar('float64', v);
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
