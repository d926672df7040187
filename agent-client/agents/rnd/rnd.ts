// Random Network Distillation (Burda et al. 2018) as an exploration bonus for DQN: a fixed, randomly initialised
// target network f and a trained predictor f̂ (both orthogonally initialised, gain √2) embed observations; the
// intrinsic reward is the predictor's squared error, normalised and clipped. The paper normalises observations by
// their running mean and std and divides the error by its running std; the Gravitar notebook's recipe feeds frames
// as they are and z-scores the error over the last 1000 values (`rewardWindow`). The predictor trains on a random
// `updateProportion` of each batch.

import * as torch from '../../torch/index.js';
import type { AgentCheckpoint } from '../common/agent.js';
import { prefixed, required, withPrefix } from '../common/checkpoint.js';
import type { Encoding } from '../common/encoding.js';
import { Torso, mlp, natureConvLayers } from '../common/networks.js';
import type { CountingRng } from '../common/rng.js';
import type { RewardBonus } from '../dqn/q-learner.js';
import { RunningStats } from './running-stats.js';
import { WindowStats } from './window-stats.js';

export interface RNDConfig {
  /** Burda et al. weigh extrinsic rewards 2 and intrinsic ones 1. */
  extrinsicWeight: number;
  intrinsicWeight: number;
  lr: number;
  updateProportion: number;
  /** Embedding size of f and f̂. */
  features: number;
  /** Hidden sizes between the input (a vector, or the Nature conv stack's flattened features) and the embedding. */
  targetHidden: number[];
  predictorHidden: number[];
  /** Normalise observations by their running mean and std, clipped to ±obsClip (paper); else frames are /255. */
  normaliseObs: boolean;
  obsClip: number;
  /** 0: error / running std of every error so far, clipped to [0, rewardClip] (paper). N: z-score over the last N errors, clipped to ±rewardClip. */
  rewardWindow: number;
  rewardClip: number;
}

/** The paper's conv RND: target conv-512, predictor conv-512-512-512. */
export const RND_DEFAULTS: RNDConfig = {
  extrinsicWeight: 2,
  intrinsicWeight: 1,
  lr: 1e-4,
  updateProportion: 0.25,
  features: 512,
  targetHidden: [],
  predictorHidden: [512, 512],
  normaliseObs: true,
  obsClip: 5,
  rewardWindow: 0,
  rewardClip: 5,
};

function network(encoding: Pick<Encoding, 'shape' | 'dtype'>, hidden: number[], c: RNDConfig): torch.nn.Module {
  const conv = encoding.dtype === 'uint8' ? natureConvLayers(encoding.shape) : null;
  const inputs = conv ? conv.features : encoding.shape[0];
  const head = mlp([inputs, ...hidden, c.features], false);
  // Normalised observations are floats around 0 already; raw frames are scaled to [0, 1] by the torso.
  const net = conv ? new Torso(new torch.nn.Sequential(...conv.layers, head), c.features, !c.normaliseObs) : head;
  torch.noGrad(() => {
    for (const [name, p] of net.namedParameters()) {
      if (name.endsWith('bias')) torch.nn.init.zeros_(p);
      else torch.nn.init.orthogonal_(p, Math.SQRT2);
    }
  });
  return net;
}

export class RND implements RewardBonus {
  readonly target: torch.nn.Module;
  readonly predictor: torch.nn.Module;
  readonly optimizer: torch.optim.Adam;
  readonly obsStats: RunningStats;
  readonly errStats = new RunningStats(1);
  readonly errWindow: WindowStats | null;
  private lastIntrinsic = NaN;
  private lastRaw = NaN;
  private lastLoss = NaN;

  constructor(
    readonly config: RNDConfig,
    readonly encoding: Pick<Encoding, 'shape' | 'dtype'>,
    readonly device: torch.Device,
    private readonly rng: CountingRng,
  ) {
    if (!(config.updateProportion > 0 && config.updateProportion <= 1)) throw new RangeError(`rnd updateProportion must be in (0, 1], got ${config.updateProportion}`);
    if (!Number.isInteger(config.rewardWindow) || config.rewardWindow < 0) throw new RangeError(`rnd rewardWindow must be an integer >= 0, got ${config.rewardWindow}`);
    this.target = network(encoding, config.targetHidden, config).to(device);
    // The predictor is deeper than the target, as in the paper, so it can fit f rather than merely match its shape.
    this.predictor = network(encoding, config.predictorHidden, config).to(device);
    this.errWindow = config.rewardWindow > 0 ? new WindowStats(config.rewardWindow) : null;
    this.optimizer = new torch.optim.Adam(this.predictor.parameters(), { lr: config.lr, betas: [0.9, 0.999], eps: 1e-8 });
    this.obsStats = new RunningStats(encoding.shape.reduce((a, b) => a * b, 1));
  }

  get extrinsicWeight(): number {
    return this.config.extrinsicWeight;
  }
  get intrinsicWeight(): number {
    return this.config.intrinsicWeight;
  }

  observe(obs: Float32Array | Uint8Array): void {
    if (this.config.normaliseObs) this.obsStats.update(obs);
  }

  private normalise(obs: torch.Tensor): torch.Tensor {
    if (!this.config.normaliseObs) return obs;
    const shape = [1, ...this.encoding.shape];
    const mean = torch.tensor(Float32Array.from(this.obsStats.mean), { shape, device: this.device });
    const std = torch.tensor(this.obsStats.std(), { shape, device: this.device });
    return obs.float().sub(mean).div(std).clamp(-this.config.obsClip, this.config.obsClip);
  }

  /** Per-observation squared prediction error [B]. */
  private error(obs: torch.Tensor): torch.Tensor {
    const x = this.normalise(obs);
    const diff = this.predictor.forward(x).sub(torch.noGrad(() => this.target.forward(x)));
    return diff.pow(2).mean(1);
  }

  reward(nextObs: torch.Tensor): torch.Tensor {
    return torch.noGrad(() => {
      const err = this.error(nextObs);
      const clip = this.config.rewardClip;
      const w = this.errWindow;
      for (const e of err.data() as Float32Array) {
        if (w) w.push(e);
        else this.errStats.update([e]);
      }
      const r = w ? err.sub(w.mean()).div(w.std()).clamp(-clip, clip) : err.div(this.errStats.std()[0]).clamp(0, clip);
      this.lastRaw = err.mean().item();
      this.lastIntrinsic = r.mean().item();
      return r;
    });
  }

  train(obs: torch.Tensor): void {
    const n = obs.size(0);
    const mask = Float32Array.from({ length: n }, () => (this.rng.random() < this.config.updateProportion ? 1 : 0));
    const kept = mask.reduce((a, b) => a + b, 0);
    if (kept === 0) return;
    const loss = this.error(obs).mul(torch.tensor(mask, { device: this.device })).sum().div(kept);
    this.optimizer.zeroGrad();
    loss.backward();
    this.optimizer.step();
    this.lastLoss = loss.item();
  }

  metrics(): Record<string, number> {
    return { intrinsic_reward: this.lastIntrinsic, intrinsic_raw: this.lastRaw, rnd_loss: this.lastLoss };
  }

  checkpoint(): AgentCheckpoint {
    const stats = (s: RunningStats, name: string) => ({ [`rnd.${name}_mean`]: torch.tensor(s.mean), [`rnd.${name}_m2`]: torch.tensor(s.m2) });
    return {
      tensors: {
        ...prefixed(this.target, 'rnd.target.'), ...prefixed(this.predictor, 'rnd.predictor.'), ...prefixed(this.optimizer, 'rnd.adam.'),
        ...stats(this.obsStats, 'obs'), ...stats(this.errStats, 'err'), ...(this.errWindow ? { 'rnd.err_window': torch.tensor(this.errWindow.values) } : {}),
      },
      state: { obsCount: this.obsStats.count, errCount: this.errStats.count, windowCount: this.errWindow?.count ?? 0 },
    };
  }

  restore(c: AgentCheckpoint): void {
    const s = c.state as unknown as { obsCount: number; errCount: number; windowCount: number };
    this.target.loadStateDict(withPrefix(c.tensors, 'rnd.target.'));
    this.predictor.loadStateDict(withPrefix(c.tensors, 'rnd.predictor.'));
    this.optimizer.loadStateDict(withPrefix(c.tensors, 'rnd.adam.'));
    for (const [stats, name, count] of [[this.obsStats, 'obs', s.obsCount], [this.errStats, 'err', s.errCount]] as const) {
      stats.mean.set(required(c.tensors, `rnd.${name}_mean`).data() as Float64Array);
      stats.m2.set(required(c.tensors, `rnd.${name}_m2`).data() as Float64Array);
      stats.count = count;
    }
    if (this.errWindow) {
      this.errWindow.values.set(required(c.tensors, 'rnd.err_window').data() as Float64Array);
      this.errWindow.count = s.windowCount;
    }
  }

  dispose(): void {
    this.target.dispose();
    this.predictor.dispose();
    this.optimizer.dispose();
  }
}
