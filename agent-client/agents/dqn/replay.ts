// Experience replay (Lin 1992; Mnih et al. 2015) with n-step returns and, optionally, proportional prioritised
// sampling (Schaul et al. 2015). Everything a batch is made of lives on the training device: observations in an
// ObservationStore, and per transition its observation ids, action, n-step return and discount in two tensors, so a
// batch is one upload of sampled indices plus gathers on the device. Sampling itself (the seeded RNG, and the sum
// and min trees over priorities) stays on the host, where draws are reproducible and O(log n) each. With several
// streams (the copies of a vector env) each keeps its own n-step returns, frames and capacity/streams slots, and a
// batch is drawn over all of them.

import * as torch from '../../torch/index.js';
import type { CountingRng } from '../common/rng.js';
import type { Encoding } from '../common/encoding.js';
import { NStep } from './n-step.js';
import { ObservationStore } from './observation-store.js';
import { MinTree } from './min-tree.js';
import { SumTree } from './sum-tree.js';

export interface PrioritizedConfig {
  /** How strongly priorities skew sampling (0 = uniform). */
  alpha: number;
  /** Importance-sampling exponent at the start; annealed linearly to 1 over `betaSteps` env steps. */
  beta0: number;
  betaSteps: number;
  /** Added to |TD error| so no transition gets priority 0. */
  eps: number;
}

export interface ReplayConfig {
  capacity: number;
  nStep: number;
  gamma: number;
  prioritized: PrioritizedConfig | null;
  /** Frames per stacked observation (dim 0 of a frame observation); 1 = no stacking. */
  frameStack: number;
  /** Env copies feeding this replay (1 when omitted). */
  streams?: number;
}

/** One stream's place in the ring of its slots. */
interface Stream {
  nstep: NStep<Float32Array>;
  added: number;
  oldest: number;
  current: number;
}

export interface Batch {
  slots: Int32Array;
  obs: torch.Tensor;
  nextObs: torch.Tensor;
  /** [B, actionDim] float32: discrete actions as their index, parameterised ones as [index, params…]. */
  actions: torch.Tensor;
  /** n-step returns [B]. */
  rewards: torch.Tensor;
  /** γ^m, or 0 where the episode terminated, [B]. */
  discounts: torch.Tensor;
  /** Importance-sampling weights [B] (all 1 for uniform replay). */
  weights: torch.Tensor;
}

export class Replay {
  readonly store: ObservationStore;
  /** Slots per stream. */
  readonly streamCapacity: number;
  private readonly streams: Stream[];
  /** [capacity, 2] int64: each transition's observation id and next observation id in the store. */
  private readonly ids: torch.Tensor;
  /** [capacity, actionDim + 2] float32: each transition's action, then its n-step return, then its discount. */
  private readonly values: torch.Tensor;
  // The observation ids once more on the host: eviction looks at the oldest one every step, and reading it from
  // the device would cost a device synchronisation per step.
  private readonly obsIds: Float64Array;
  /** Priorities^α: summed for sampling, and their minimum for normalising the importance weights. */
  private readonly trees: { sum: SumTree; min: MinTree } | null;
  private maxPriority = 1;

  constructor(
    readonly config: ReplayConfig,
    encoding: Pick<Encoding, 'shape' | 'dtype'>,
    readonly actionDim: number,
    readonly device: torch.Device,
    private readonly rng: CountingRng,
  ) {
    const n = config.streams ?? 1;
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`replay streams must be an integer >= 1, got ${n}`);
    if (!Number.isInteger(config.capacity) || config.capacity < n) throw new RangeError(`replay capacity must be an integer >= the number of env copies (${n}), got ${config.capacity}`);
    this.streamCapacity = Math.floor(config.capacity / n);
    const c = this.streamCapacity * n;
    // Room for the pending n-step transitions and one stack beyond the live transitions.
    this.store = new ObservationStore(encoding.shape, encoding.dtype, config.frameStack, this.streamCapacity + config.frameStack + config.nStep + 1, device, n);
    this.streams = Array.from({ length: n }, () => ({ nstep: new NStep<Float32Array>(config.nStep, config.gamma), added: 0, oldest: 0, current: -1 }));
    this.ids = torch.keep(torch.zeros([c, 2], { dtype: 'int64', device }));
    this.values = torch.keep(torch.zeros([c, actionDim + 2], { device }));
    this.obsIds = new Float64Array(c);
    this.trees = config.prioritized ? { sum: new SumTree(c), min: new MinTree(c) } : null;
  }

  get size(): number {
    return this.streams.reduce((n, s) => n + s.added - s.oldest, 0);
  }

  /** Starts an episode of stream `stream` at `obs` (pending n-step transitions of an interrupted episode are dropped). */
  begin(obs: Float32Array | Uint8Array, stream = 0): void {
    const s = this.streams[stream];
    s.nstep.clear();
    s.current = this.store.put(obs, false, stream);
    this.evictBroken(stream);
  }

  add(action: ArrayLike<number>, reward: number, nextObs: Float32Array | Uint8Array, terminated: boolean, truncated: boolean, stream = 0): void {
    const s = this.streams[stream];
    if (s.current < 0) throw new Error('Replay.add before begin(): start each episode with begin(obs)');
    const next = this.store.put(nextObs, true, stream);
    this.evictBroken(stream);
    const cap = this.streamCapacity;
    for (const e of s.nstep.push(s.current, Float32Array.from(action), reward, next, terminated, truncated)) {
      const slot = stream * cap + (s.added % cap);
      if (s.added - s.oldest === cap) s.oldest++;
      this.obsIds[slot] = e.obs;
      torch.tidy(() => {
        const dev = { device: this.device };
        this.ids.select(0, slot).copy_(torch.tensor(BigInt64Array.of(BigInt(e.obs), BigInt(e.nextObs)), dev));
        this.values.select(0, slot).copy_(torch.tensor(Float32Array.of(...e.action, e.reward, e.discount), dev));
      });
      if (this.config.prioritized) this.setPriority(slot, this.maxPriority ** this.config.prioritized.alpha);
      s.added++;
    }
    s.current = next;
  }

  /** Transitions whose observation frames were overwritten leave replay, oldest first. */
  private evictBroken(stream: number): void {
    const s = this.streams[stream];
    const slot = () => stream * this.streamCapacity + (s.oldest % this.streamCapacity);
    while (s.added > s.oldest && !this.store.intact(this.obsIds[slot()], stream)) {
      this.setPriority(slot(), 0);
      s.oldest++;
    }
  }

  /** A batch drawn uniformly, or proportionally to priority with weights for importance exponent `beta`. */
  sample(batchSize: number, beta = 1): Batch {
    if (this.size === 0) throw new Error('cannot sample from an empty replay buffer');
    const cap = this.streamCapacity;
    const slots = new Int32Array(batchSize);
    const weights = new Float32Array(batchSize).fill(1);
    if (this.trees) {
      const { sum, min } = this.trees;
      const segment = sum.total / batchSize;
      for (let i = 0; i < batchSize; i++) {
        slots[i] = sum.find((i + this.rng.random()) * segment);
        // w_i = (N·P(i))^-β / max_j (N·P(j))^-β over the whole buffer; the largest weight is the smallest
        // priority's, so N and the total cancel and w_i = (p_i / p_min)^-β.
        weights[i] = (sum.get(slots[i]) / min.min) ** -beta;
      }
    } else {
      const size = this.size;
      for (let i = 0; i < batchSize; i++) {
        // Uniform over all live transitions: the r-th, counting stream by stream.
        let r = this.rng.integer(size);
        let j = 0;
        for (let live = this.streams[0].added - this.streams[0].oldest; r >= live; live = this.streams[++j].added - this.streams[j].oldest) r -= live;
        slots[i] = j * cap + ((this.streams[j].oldest + r) % cap);
      }
    }
    const dev = { device: this.device };
    const index = torch.tensor(BigInt64Array.from(slots, (s) => BigInt(s)), dev);
    const ids = this.ids.indexSelect(0, index);
    const values = this.values.indexSelect(0, index);
    const streams = this.streams.length > 1 ? torch.tensor(BigInt64Array.from(slots, (s) => BigInt(Math.floor(s / cap))), dev) : undefined;
    const ad = this.actionDim;
    return {
      slots,
      obs: this.store.gather(ids.select(1, 0), streams),
      nextObs: this.store.gather(ids.select(1, 1), streams),
      actions: values.slice(1, 0, ad),
      rewards: values.select(1, ad),
      discounts: values.select(1, ad + 1),
      weights: torch.tensor(weights, dev),
    };
  }

  /** Priority^α 0 marks an empty slot: never sampled, and no part of the minimum. */
  private setPriority(slot: number, scaled: number): void {
    this.trees?.sum.set(slot, scaled);
    this.trees?.min.set(slot, scaled > 0 ? scaled : Infinity);
  }

  /** Sets the sampled transitions' priorities from their new |TD errors| (prioritised replay only). */
  updatePriorities(slots: Int32Array, tdErrors: Float32Array): void {
    const p = this.config.prioritized;
    if (!this.trees || !p) return;
    slots.forEach((s, i) => {
      const priority = Math.abs(tdErrors[i]) + p.eps;
      this.maxPriority = Math.max(this.maxPriority, priority);
      this.setPriority(s, priority ** p.alpha);
    });
  }

  /** The buffer's contents for a checkpoint: its tensors as stored, priorities as a tensor, counters as JSON. */
  checkpoint(prefix: string): { tensors: Record<string, torch.Tensor>; state: ReplayState } {
    const c = this.streamCapacity * this.streams.length;
    const priorities = new Float64Array(this.trees ? c : 0);
    for (let i = 0; i < priorities.length; i++) priorities[i] = this.trees!.sum.get(i);
    return {
      tensors: {
        [`${prefix}frames`]: this.store.frames,
        [`${prefix}ids`]: this.ids,
        [`${prefix}values`]: this.values,
        [`${prefix}priorities`]: torch.tensor(priorities),
      },
      state: { added: this.streams.map((s) => s.added), oldest: this.streams.map((s) => s.oldest), maxPriority: this.maxPriority, framesWritten: this.store.serials() },
    };
  }

  restore(tensors: Record<string, torch.Tensor>, prefix: string, state: ReplayState): void {
    this.store.restore(state.framesWritten);
    const get = (name: string) => {
      const t = tensors[prefix + name];
      if (!t) throw new Error(`checkpoint lacks replay tensor '${prefix + name}'`);
      return t;
    };
    torch.noGrad(() => {
      this.store.frames.copy_(get('frames'));
      this.ids.copy_(get('ids'));
      this.values.copy_(get('values'));
    });
    torch.tidy(() => (this.ids.select(1, 0).data() as BigInt64Array).forEach((id, i) => (this.obsIds[i] = Number(id))));
    const priorities = get('priorities').data() as Float64Array;
    priorities.forEach((p, i) => this.setPriority(i, p));
    this.streams.forEach((s, i) => Object.assign(s, { added: state.added[i], oldest: state.oldest[i], current: -1 }));
    this.maxPriority = state.maxPriority;
  }

  dispose(): void {
    this.store.dispose();
    this.ids.dispose();
    this.values.dispose();
  }
}

/** Per stream: transitions added, the oldest live one, frames written. */
export interface ReplayState {
  added: number[];
  oldest: number[];
  maxPriority: number;
  framesWritten: number[];
}
