// Deep Q-learning (Mnih et al. 2015) with the usual extensions, CleanRL-style: the update is `learn()`.
// A `RewardBonus` (RND) can add an intrinsic reward for the next observation to every sampled transition.

import * as torch from '../../torch/index.js';
import type { Native } from '../../../proto/spaces.js';
import type { Agent, AgentCheckpoint, EnvSpaces, Outcome } from '../common/agent.js';
import { type DiscreteActions, discreteActions } from '../common/actions.js';
import { Adam } from '../common/adam.js';
import { prefixed, withPrefix } from '../common/checkpoint.js';
import { type Encoding, encodingFor } from '../common/encoding.js';
import { torsoFor } from '../common/networks.js';
import { CountingRng } from '../common/rng.js';
import { scheduleValue } from '../common/schedule.js';
import { type DQNConfig, checkDQNConfig } from './config.js';
import { QNetwork, softUpdate } from './q-network.js';
import { Replay, type ReplayState } from './replay.js';

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

export class DQN implements Agent {
  readonly kind: string;
  readonly encoding: Encoding;
  readonly actions: DiscreteActions;
  readonly q: QNetwork;
  readonly target: QNetwork;
  readonly optimizer: Adam;
  readonly replay: Replay;
  private readonly rng: CountingRng;
  private stepCount = 0;
  private lastLoss = NaN;
  private lastQ = NaN;

  constructor(
    readonly config: DQNConfig,
    spaces: EnvSpaces,
    readonly seed: number,
    readonly device: torch.Device,
    readonly bonus: RewardBonus | null = null,
    kind = 'dqn',
  ) {
    checkDQNConfig(config);
    this.kind = kind;
    this.rng = new CountingRng(seed);
    this.encoding = encodingFor(spaces.observationSpace, config.observationItems ?? undefined);
    this.actions = discreteActions(spaces.actionSpace, config.parameterBins);
    torch.manualSeed(seed);
    const net = () => new QNetwork(torsoFor(this.encoding, config.hidden), this.actions.n, config.dueling).to(device);
    this.q = net();
    this.target = net();
    this.target.copyFrom(this.q);
    this.optimizer = new Adam([this.q], { lr: config.lr, betas: [0.9, 0.999], eps: config.adamEps });
    const replayConfig = { capacity: config.bufferSize, nStep: config.nStep, gamma: config.gamma, prioritized: config.prioritized, frameStack: config.frameStack };
    this.replay = new Replay(replayConfig, this.encoding, 1, device, this.rng);
  }

  get steps(): number {
    return this.stepCount;
  }

  get epsilon(): number {
    return scheduleValue(this.config.epsilon, this.stepCount);
  }

  begin(obs: Native, learn: boolean): void {
    if (learn) this.replay.begin(this.encoding.encode(obs));
  }

  act(obs: Native, explore: boolean): Native {
    if (explore && this.rng.random() < this.epsilon) return this.actions.toEnv(this.rng.integer(this.actions.n));
    return this.actions.toEnv(this.greedy(this.encoding.encode(obs)));
  }

  greedy(x: Float32Array | Uint8Array): number {
    return torch.tidy(() => torch.noGrad(() => this.q.forward(torch.tensor(x, { shape: [1, ...this.encoding.shape], device: this.device })).argmax().item()));
  }

  observe(o: Outcome, learn: boolean): void {
    if (!learn) return;
    const next = this.encoding.encode(o.nextObs);
    this.bonus?.observe(next);
    this.replay.add([this.actions.fromEnv(o.action)], o.reward, next, o.terminated, o.truncated);
    this.stepCount++;
    const c = this.config;
    if (this.stepCount <= c.learningStarts) return;
    if (this.stepCount % c.trainFrequency === 0) {
      for (let i = 0; i < c.gradientSteps; i++) this.learn();
      if (c.tau < 1) softUpdate(this.target, this.q, c.tau);
    }
    if (c.tau >= 1 && this.stepCount % c.targetUpdateEvery === 0) this.target.copyFrom(this.q);
  }

  /** One gradient step on a sampled batch: TD targets from the target net (action chosen by the online net if double). */
  learn(): void {
    const c = this.config;
    torch.tidy(() => {
      const p = c.prioritized;
      const beta = p ? p.beta0 + (1 - p.beta0) * Math.min(1, this.stepCount / p.betaSteps) : 1;
      const b = this.replay.sample(c.batchSize, beta);
      const taken = b.actions.select(1, 0).long().unsqueeze(1);
      const q = this.q.forward(b.obs).gather(1, taken).squeeze(1);
      const target = torch.noGrad(() => {
        const nextTarget = this.target.forward(b.nextObs);
        const nextQ = c.double ? nextTarget.gather(1, this.q.forward(b.nextObs).argmax(1, true)).squeeze(1) : nextTarget.max(1).values;
        const reward = this.bonus ? b.rewards.mul(this.bonus.extrinsicWeight).add(this.bonus.reward(b.nextObs).mul(this.bonus.intrinsicWeight)) : b.rewards;
        return reward.add(b.discounts.mul(nextQ));
      });
      const perSample = c.loss === 'huber' ? torch.nn.huberLoss(q, target, { reduction: 'none' }) : torch.nn.mseLoss(q, target, { reduction: 'none' });
      const loss = perSample.mul(b.weights).mean();
      this.optimizer.zeroGrad();
      loss.backward();
      if (c.maxGradNorm > 0) torch.optim.clipGradNorm(this.q.parameters(), c.maxGradNorm);
      this.optimizer.step();
      if (p) this.replay.updatePriorities(b.slots, q.detach().sub(target).data() as Float32Array);
      this.bonus?.train(b.nextObs);
      this.lastLoss = loss.item();
      this.lastQ = q.detach().mean().item();
    });
  }

  metrics(): Record<string, number> {
    return { loss: this.lastLoss, q: this.lastQ, epsilon: this.epsilon, ...this.bonus?.metrics() };
  }

  checkpoint(): AgentCheckpoint {
    const replay = this.replay.checkpoint('replay.');
    const bonus = this.bonus?.checkpoint();
    return {
      tensors: { ...prefixed(this.q, 'q.'), ...prefixed(this.target, 'target.'), ...this.optimizer.stateTensors('adam.'), ...replay.tensors, ...bonus?.tensors },
      state: { steps: this.stepCount, rng: this.rng.state(), adamSteps: this.optimizer.steps, replay: { ...replay.state }, bonus: bonus?.state ?? null },
    };
  }

  restore(c: AgentCheckpoint): void {
    const s = c.state as unknown as { steps: number; rng: { seed: number; draws: number }; adamSteps: number; replay: ReplayState; bonus: AgentCheckpoint['state'] };
    this.q.loadStateDict(withPrefix(c.tensors, 'q.'));
    this.target.loadStateDict(withPrefix(c.tensors, 'target.'));
    this.optimizer.load(c.tensors, 'adam.', s.adamSteps);
    this.replay.restore(c.tensors, 'replay.', s.replay);
    this.bonus?.restore({ tensors: c.tensors, state: s.bonus });
    this.stepCount = s.steps;
    this.rng.restore(s.rng);
  }

  dispose(): void {
    this.q.dispose();
    this.target.dispose();
    this.bonus?.dispose();
  }
}
