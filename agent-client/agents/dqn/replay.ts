// Experience replay (Lin 1992; Mnih et al. 2015) with n-step returns and, optionally, proportional prioritised
// sampling (Schaul et al. 2015). Observations live on the training device in an ObservationStore; the per-transition
// scalars (ids, action, n-step return, discount, priority) live in host arrays and go to the device per batch.

import * as torch from '../../torch/index.js';
import type { CountingRng } from '../common/rng.js';
import type { Encoding } from '../common/encoding.js';
import { NStep } from './n-step.js';
import { ObservationStore } from './observation-store.js';
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
  private readonly nstep: NStep<Float32Array>;
  private readonly obsIds: Float64Array;
  private readonly nextIds: Float64Array;
  private readonly actions: Float32Array;
  private readonly rewards: Float32Array;
  private readonly discounts: Float32Array;
  private readonly tree: SumTree | null;
  private maxPriority = 1;
  private added = 0;
  private oldest = 0;
  private current = -1;

  constructor(
    readonly config: ReplayConfig,
    encoding: Pick<Encoding, 'shape' | 'dtype'>,
    readonly actionDim: number,
    readonly device: torch.Device,
    private readonly rng: CountingRng,
  ) {
    const c = config.capacity;
    if (!Number.isInteger(c) || c < 1) throw new RangeError(`replay capacity must be an integer >= 1, got ${c}`);
    // Room for the pending n-step transitions and one stack beyond the live transitions.
    this.store = new ObservationStore(encoding.shape, encoding.dtype, config.frameStack, c + config.frameStack + config.nStep + 1, device);
    this.nstep = new NStep(config.nStep, config.gamma);
    this.obsIds = new Float64Array(c);
    this.nextIds = new Float64Array(c);
    this.actions = new Float32Array(c * actionDim);
    this.rewards = new Float32Array(c);
    this.discounts = new Float32Array(c);
    this.tree = config.prioritized ? new SumTree(c) : null;
  }

  get size(): number {
    return this.added - this.oldest;
  }

  /** Starts an episode at `obs` (pending n-step transitions of an interrupted episode are dropped). */
  begin(obs: Float32Array | Uint8Array): void {
    this.nstep.clear();
    this.current = this.store.put(obs, false);
    this.evictBroken();
  }

  add(action: ArrayLike<number>, reward: number, nextObs: Float32Array | Uint8Array, terminated: boolean, truncated: boolean): void {
    if (this.current < 0) throw new Error('Replay.add before begin(): start each episode with begin(obs)');
    const next = this.store.put(nextObs, true);
    this.evictBroken();
    for (const e of this.nstep.push(this.current, Float32Array.from(action), reward, next, terminated, truncated)) {
      const slot = this.added % this.config.capacity;
      if (this.size === this.config.capacity) this.oldest++;
      this.obsIds[slot] = e.obs;
      this.nextIds[slot] = e.nextObs;
      this.actions.set(e.action, slot * this.actionDim);
      this.rewards[slot] = e.reward;
      this.discounts[slot] = e.discount;
      this.tree?.set(slot, this.maxPriority ** this.config.prioritized!.alpha);
      this.added++;
    }
    this.current = next;
  }

  /** Transitions whose observation frames were overwritten leave replay, oldest first. */
  private evictBroken(): void {
    while (this.size > 0 && !this.store.intact(this.obsIds[this.oldest % this.config.capacity])) {
      this.tree?.set(this.oldest % this.config.capacity, 0);
      this.oldest++;
    }
  }

  /** A batch drawn uniformly, or proportionally to priority with weights for importance exponent `beta`. */
  sample(batchSize: number, beta = 1): Batch {
    if (this.size === 0) throw new Error('cannot sample from an empty replay buffer');
    const c = this.config.capacity;
    const slots = new Int32Array(batchSize);
    const weights = new Float32Array(batchSize).fill(1);
    if (this.tree) {
      const total = this.tree.total;
      const segment = total / batchSize;
      let maxW = 0;
      for (let i = 0; i < batchSize; i++) {
        slots[i] = this.tree.find((i + this.rng.random()) * segment);
        weights[i] = (this.size * (this.tree.get(slots[i]) / total)) ** -beta;
        maxW = Math.max(maxW, weights[i]);
      }
      for (let i = 0; i < batchSize; i++) weights[i] /= maxW;
    } else {
      for (let i = 0; i < batchSize; i++) slots[i] = (this.oldest + this.rng.integer(this.size)) % c;
    }
    const pick = (src: Float64Array) => Float64Array.from(slots, (s) => src[s]);
    const ad = this.actionDim;
    const actions = new Float32Array(batchSize * ad);
    slots.forEach((s, i) => actions.set(this.actions.subarray(s * ad, (s + 1) * ad), i * ad));
    const dev = { device: this.device };
    return {
      slots,
      obs: this.store.gather(pick(this.obsIds)),
      nextObs: this.store.gather(pick(this.nextIds)),
      actions: torch.tensor(actions, { shape: [batchSize, ad], ...dev }),
      rewards: torch.tensor(Float32Array.from(slots, (s) => this.rewards[s]), dev),
      discounts: torch.tensor(Float32Array.from(slots, (s) => this.discounts[s]), dev),
      weights: torch.tensor(weights, dev),
    };
  }

  /** Sets the sampled transitions' priorities from their new |TD errors| (prioritised replay only). */
  updatePriorities(slots: Int32Array, tdErrors: Float32Array): void {
    const p = this.config.prioritized;
    if (!this.tree || !p) return;
    slots.forEach((s, i) => {
      const priority = Math.abs(tdErrors[i]) + p.eps;
      this.maxPriority = Math.max(this.maxPriority, priority);
      this.tree!.set(s, priority ** p.alpha);
    });
  }

  /** The buffer's contents for a checkpoint: frames as stored, scalars as tensors, counters as JSON. */
  checkpoint(prefix: string): { tensors: Record<string, torch.Tensor>; state: ReplayState } {
    const c = this.config.capacity;
    const priorities = new Float64Array(this.tree ? c : 0);
    for (let i = 0; i < priorities.length; i++) priorities[i] = this.tree!.get(i);
    const host = (a: Float64Array | Float32Array) => torch.tensor(a);
    return {
      tensors: {
        [`${prefix}frames`]: this.store.frames,
        [`${prefix}obs_ids`]: host(this.obsIds),
        [`${prefix}next_ids`]: host(this.nextIds),
        [`${prefix}actions`]: host(this.actions),
        [`${prefix}rewards`]: host(this.rewards),
        [`${prefix}discounts`]: host(this.discounts),
        [`${prefix}priorities`]: host(priorities),
      },
      state: { added: this.added, oldest: this.oldest, maxPriority: this.maxPriority, framesWritten: this.store.serial },
    };
  }

  restore(tensors: Record<string, torch.Tensor>, prefix: string, state: ReplayState): void {
    const get = (name: string) => {
      const t = tensors[prefix + name];
      if (!t) throw new Error(`checkpoint lacks replay tensor '${prefix + name}'`);
      return t;
    };
    torch.noGrad(() => this.store.frames.copy_(get('frames')));
    this.store.restore(state.framesWritten);
    this.obsIds.set(get('obs_ids').data() as Float64Array);
    this.nextIds.set(get('next_ids').data() as Float64Array);
    this.actions.set(get('actions').data() as Float32Array);
    this.rewards.set(get('rewards').data() as Float32Array);
    this.discounts.set(get('discounts').data() as Float32Array);
    const priorities = get('priorities').data() as Float64Array;
    priorities.forEach((p, i) => this.tree?.set(i, p));
    this.added = state.added;
    this.oldest = state.oldest;
    this.maxPriority = state.maxPriority;
    this.current = -1;
  }
}

export interface ReplayState {
  added: number;
  oldest: number;
  maxPriority: number;
  framesWritten: number;
}
