// Random Network Distillation (Burda et al. 2018) as an exploration bonus for DQN: a fixed, randomly initialised
// target network f and a trained predictor f̂ (both orthogonally initialised) embed observations normalised by
// their running mean and std (clipped to ±5); the intrinsic reward is the predictor's squared error divided by a
// running std of that error and clipped. The predictor trains on a random `updateProportion` of each batch.

import * as torch from '../../torch/index.js';
import type { AgentCheckpoint } from '../common/agent.js';
import { prefixed, required, withPrefix } from '../common/checkpoint.js';
import type { Encoding } from '../common/encoding.js';
import { mlp, natureCnn } from '../common/networks.js';
import type { CountingRng } from '../common/rng.js';
import type { RewardBonus } from '../dqn/q-learner.js';
import { RunningStats } from './running-stats.js';

export interface RNDConfig {
  /** Burda et al. weigh extrinsic rewards 2 and intrinsic ones 1. */
  extrinsicWeight: number;
  intrinsicWeight: number;
  lr: number;
  updateProportion: number;
  /** Embedding size of f and f̂ (512 in the paper's conv nets). */
  features: number;
  /** Hidden sizes of the MLPs for vector observations. */
  hidden: number[];
  obsClip: number;
  rewardClip: number;
}

export const RND_DEFAULTS: RNDConfig = {
  extrinsicWeight: 2,
  intrinsicWeight: 1,
  lr: 1e-4,
  updateProportion: 0.25,
  features: 512,
  hidden: [256, 256],
  obsClip: 5,
  rewardClip: 5,
};

function network(encoding: Pick<Encoding, 'shape' | 'dtype'>, c: RNDConfig, extraLayers: number): torch.nn.Sequential {
  const { nn } = torch;
  // Normalised frames are already floats around 0, so the conv torso must not rescale them again.
  const torso = encoding.dtype === 'uint8' ? natureCnn(encoding.shape, false) : mlp([encoding.shape[0], ...c.hidden], true);
  const width = encoding.dtype === 'uint8' ? 512 : c.hidden[c.hidden.length - 1];
  const head: torch.nn.Module[] = [];
  for (let i = 0; i < extraLayers; i++) head.push(new nn.Linear(width, width), new nn.ReLU());
  const net = new nn.Sequential(torso, ...head, new nn.Linear(width, c.features));
  torch.noGrad(() => {
    for (const [name, p] of net.namedParameters()) {
      if (name.endsWith('bias')) torch.nn.init.zeros_(p);
      else torch.nn.init.orthogonal_(p, Math.SQRT2);
    }
  });
  return net;
}

export class RND implements RewardBonus {
  readonly target: torch.nn.Sequential;
  readonly predictor: torch.nn.Sequential;
  readonly optimizer: torch.optim.Adam;
  readonly obsStats: RunningStats;
  readonly errStats = new RunningStats(1);
  private lastIntrinsic = NaN;
  private lastLoss = NaN;

  constructor(
    readonly config: RNDConfig,
    readonly encoding: Pick<Encoding, 'shape' | 'dtype'>,
    readonly device: torch.Device,
    private readonly rng: CountingRng,
  ) {
    if (!(config.updateProportion > 0 && config.updateProportion <= 1)) throw new RangeError(`rnd updateProportion must be in (0, 1], got ${config.updateProportion}`);
    this.target = network(encoding, config, 0).to(device);
    // The predictor is deeper than the target, as in the paper, so it can fit f rather than merely match its shape.
    this.predictor = network(encoding, config, 2).to(device);
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
    this.obsStats.update(obs);
  }

  private normalise(obs: torch.Tensor): torch.Tensor {
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
      for (const e of err.data() as Float32Array) this.errStats.update([e]);
      const r = err.div(this.errStats.std()[0]).clamp(0, this.config.rewardClip);
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
    return { intrinsic_reward: this.lastIntrinsic, rnd_loss: this.lastLoss };
  }

  checkpoint(): AgentCheckpoint {
    const stats = (s: RunningStats, name: string) => ({ [`rnd.${name}_mean`]: torch.tensor(s.mean), [`rnd.${name}_m2`]: torch.tensor(s.m2) });
    return {
      tensors: { ...prefixed(this.target, 'rnd.target.'), ...prefixed(this.predictor, 'rnd.predictor.'), ...prefixed(this.optimizer, 'rnd.adam.'), ...stats(this.obsStats, 'obs'), ...stats(this.errStats, 'err') },
      state: { obsCount: this.obsStats.count, errCount: this.errStats.count },
    };
  }

  restore(c: AgentCheckpoint): void {
    const s = c.state as unknown as { obsCount: number; errCount: number };
    this.target.loadStateDict(withPrefix(c.tensors, 'rnd.target.'));
    this.predictor.loadStateDict(withPrefix(c.tensors, 'rnd.predictor.'));
    this.optimizer.loadStateDict(withPrefix(c.tensors, 'rnd.adam.'));
    for (const [stats, name, count] of [[this.obsStats, 'obs', s.obsCount], [this.errStats, 'err', s.errCount]] as const) {
      stats.mean.set(required(c.tensors, `rnd.${name}_mean`).data() as Float64Array);
      stats.m2.set(required(c.tensors, `rnd.${name}_m2`).data() as Float64Array);
      stats.count = count;
    }
  }

  dispose(): void {
    this.target.dispose();
    this.predictor.dispose();
    this.optimizer.dispose();
  }
}
