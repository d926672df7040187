// The learning half of DQN, shared by DQN itself and by h-DQN's controller and meta-controller: an online and a
// target Q network, Adam, replay, and the TD update.

import * as torch from '../../torch/index.js';
import type { AgentCheckpoint } from '../common/agent.js';
import { prefixed, withPrefix } from '../common/checkpoint.js';
import type { Encoding } from '../common/encoding.js';
import { torsoFor } from '../common/networks.js';
import type { CountingRng } from '../common/rng.js';
import type { DQNConfig } from './config.js';
import { QNetwork, softUpdate } from './q-network.js';
import { type Batch, Replay, type ReplayState } from './replay.js';

export type QLearnerConfig = Pick<
  DQNConfig,
  'gamma' | 'lr' | 'adamEps' | 'batchSize' | 'bufferSize' | 'tau' | 'double' | 'dueling' | 'duelingHidden' | 'loss' | 'maxGradNorm' | 'nStep' | 'prioritized' | 'hidden' | 'frameStack'
>;

/** An intrinsic reward added to every sampled transition (RND). */
export interface RewardBonus {
  /** Intrinsic rewards [B] for a batch of next observations (no gradient). */
  reward(nextObs: torch.Tensor): torch.Tensor;
  /** Sees every observation collected (for running statistics). */
  observe(obs: Float32Array | Uint8Array): void;
  /** One training step on a batch of observations. */
  train(obs: torch.Tensor): void;
  readonly extrinsicWeight: number;
  readonly intrinsicWeight: number;
  metrics(): Record<string, number>;
  checkpoint(): AgentCheckpoint;
  restore(c: AgentCheckpoint): void;
  dispose(): void;
}

export class QLearner {
  readonly q: QNetwork;
  readonly target: QNetwork;
  readonly optimizer: torch.optim.Adam;
  readonly replay: Replay;
  lastLoss = NaN;
  lastQ = NaN;

  constructor(
    readonly config: QLearnerConfig,
    readonly encoding: Pick<Encoding, 'shape' | 'dtype'>,
    readonly actions: number,
    readonly device: torch.Device,
    rng: CountingRng,
    streams = 1,
  ) {
    const net = () => new QNetwork(torsoFor(encoding as Encoding, config.hidden), actions, config.dueling, config.duelingHidden).to(device);
    this.q = net();
    this.target = net();
    this.target.copyFrom(this.q);
    this.optimizer = new torch.optim.Adam(this.q.parameters(), { lr: config.lr, betas: [0.9, 0.999], eps: config.adamEps });
    const replayConfig = { capacity: config.bufferSize, nStep: config.nStep, gamma: config.gamma, prioritized: config.prioritized, frameStack: config.frameStack, streams };
    this.replay = new Replay(replayConfig, encoding, 1, device, rng);
  }

  greedy(x: Float32Array | Uint8Array): number {
    return torch.tidy(() => torch.noGrad(() => this.q.forward(torch.tensor(x, { shape: [1, ...this.encoding.shape], device: this.device })).argmax().item()));
  }

  /** Greedy actions for `n` observations laid end to end in `x`: one forward pass. */
  greedyBatch(x: Float32Array | Uint8Array, n: number): BigInt64Array {
    return torch.tidy(() => torch.noGrad(() => this.q.forward(torch.tensor(x, { shape: [n, ...this.encoding.shape], device: this.device })).argmax(1).cpu().data() as BigInt64Array));
  }

  /** Prioritised replay's importance exponent at env step `step`: β0 annealed linearly to 1 over `betaSteps`. */
  beta(step: number): number {
    const p = this.config.prioritized;
    return p ? p.beta0 + (1 - p.beta0) * Math.min(1, step / p.betaSteps) : 1;
  }

  /**
   * TD targets [B] (no gradient): R + discount · Q_target(s', a'), with a' the target net's argmax, or the online
   * net's for double DQN. R and discount come from replay (n-step return; γ^m, 0 after termination).
   */
  targets(b: Pick<Batch, 'rewards' | 'discounts' | 'nextObs'>, bonus: RewardBonus | null = null): torch.Tensor {
    return torch.noGrad(() => {
      const nextTarget = this.target.forward(b.nextObs);
      const nextQ = this.config.double ? nextTarget.gather(1, this.q.forward(b.nextObs).argmax(1, true)).squeeze(1) : nextTarget.max(1).values;
      const reward = bonus ? b.rewards.mul(bonus.extrinsicWeight).add(bonus.reward(b.nextObs).mul(bonus.intrinsicWeight)) : b.rewards;
      return reward.add(b.discounts.mul(nextQ));
    });
  }

  /** One gradient step on a sampled batch towards `targets`, weighted by importance for prioritised replay. */
  learn(step: number, bonus: RewardBonus | null = null): void {
    const c = this.config;
    torch.tidy(() => {
      const b = this.replay.sample(c.batchSize, this.beta(step));
      const taken = b.actions.select(1, 0).long().unsqueeze(1);
      const q = this.q.forward(b.obs).gather(1, taken).squeeze(1);
      const target = this.targets(b, bonus);
      const perSample = c.loss === 'huber' ? torch.nn.huberLoss(q, target, { reduction: 'none' }) : torch.nn.mseLoss(q, target, { reduction: 'none' });
      const loss = perSample.mul(b.weights).mean();
      this.optimizer.zeroGrad();
      loss.backward();
      if (c.maxGradNorm > 0) torch.optim.clipGradNorm(this.q.parameters(), c.maxGradNorm);
      this.optimizer.step();
      if (c.prioritized) this.replay.updatePriorities(b.slots, q.detach().sub(target).data() as Float32Array);
      bonus?.train(b.nextObs);
      this.lastLoss = loss.item();
      this.lastQ = q.detach().mean().item();
    });
  }

  /** Polyak step (tau < 1), or a hard copy. */
  updateTarget(): void {
    softUpdate(this.target, this.q, this.config.tau);
  }

  checkpoint(prefix: string): AgentCheckpoint {
    const replay = this.replay.checkpoint(`${prefix}replay.`);
    return {
      tensors: { ...prefixed(this.q, `${prefix}q.`), ...prefixed(this.target, `${prefix}target.`), ...prefixed(this.optimizer, `${prefix}adam.`), ...replay.tensors },
      state: { replay: { ...replay.state } },
    };
  }

  restore(c: AgentCheckpoint, prefix: string): void {
    const s = c.state as unknown as { replay: ReplayState };
    this.q.loadStateDict(withPrefix(c.tensors, `${prefix}q.`));
    this.target.loadStateDict(withPrefix(c.tensors, `${prefix}target.`));
    this.optimizer.loadStateDict(withPrefix(c.tensors, `${prefix}adam.`));
    this.replay.restore(c.tensors, `${prefix}replay.`, s.replay);
  }

  dispose(): void {
    this.q.dispose();
    this.target.dispose();
    this.optimizer.dispose();
    this.replay.dispose();
  }
}
