// P-DQN (Xiong et al. 2018) for parameterised actions: a parameter network x(s) proposes every discrete action's
// parameters (tanh-squashed into the bounds), Q(s, x) scores each discrete action, the agent plays
// argmax_k Q(s, k, x(s)) with x_k. Q learns from TD targets; x ascends Σ_k Q(s, k, x(s)). With `multiPass`
// (MP-DQN, Bester et al. 2019) Q sees, in pass k, only action k's parameters, so one action's parameters cannot
// sway another action's value.

import * as torch from '../../torch/index.js';
import type { Native } from '../../../proto/spaces.js';
import type { Agent, AgentCheckpoint, EnvSpaces, Outcome } from '../common/agent.js';
import { type ParameterisedSpace, parameterised } from '../common/actions.js';
import { prefixed, withPrefix } from '../common/checkpoint.js';
import { type Encoding, encodingFor } from '../common/encoding.js';
import { mlp } from '../common/networks.js';
import { CountingRng } from '../common/rng.js';
import { scheduleValue } from '../common/schedule.js';
import { softUpdate } from '../dqn/q-network.js';
import { Replay, type ReplayState } from '../dqn/replay.js';
import { type PDQNConfig, checkPDQNConfig } from './config.js';

/** Parameters in [-1, 1] (tanh), mapped onto each Box's bounds only when acting. */
class ParameterNet extends torch.nn.Module {
  constructor(private readonly body: torch.nn.Sequential) {
    super();
    this.registerModule('body', body);
  }
  forward(s: torch.Tensor): torch.Tensor {
    return this.body.forward(s).tanh();
  }
}

export class PDQN implements Agent {
  readonly kind: string;
  readonly encoding: Encoding;
  readonly space: ParameterisedSpace;
  readonly q: torch.nn.Sequential;
  readonly qTarget: torch.nn.Sequential;
  readonly actor: ParameterNet;
  readonly actorTarget: ParameterNet;
  readonly qOptimizer: torch.optim.Adam;
  readonly actorOptimizer: torch.optim.Adam;
  readonly replay: Replay;
  /** [K, 1, P]: row k keeps only action k's parameters (multi-pass). */
  private readonly passMask: torch.Tensor;
  private readonly rng: CountingRng;
  private stepCount = 0;
  private last: { kind: number; params: Float32Array } | null = null;
  private lastLoss = NaN;
  private lastActorLoss = NaN;

  constructor(
    readonly config: PDQNConfig,
    spaces: EnvSpaces,
    readonly seed: number,
    readonly device: torch.Device,
  ) {
    checkPDQNConfig(config);
    const p = parameterised(spaces.actionSpace);
    if (!p) throw new TypeError(`P-DQN needs a parameterised action space Tuple(Discrete(K), Tuple(K float Boxes)), got ${spaces.actionSpace}`);
    this.space = p;
    this.kind = config.multiPass ? 'mpdqn' : 'pdqn';
    this.encoding = encodingFor(spaces.observationSpace, config.observationItems ?? undefined);
    if (this.encoding.dtype !== 'float32') throw new TypeError('P-DQN takes vector observations');
    this.rng = new CountingRng(seed);
    torch.manualSeed(seed);
    const S = this.encoding.shape[0];
    const qNet = () => mlp([S + p.size, ...config.hiddenQ, p.kinds], false).to(device);
    const actorNet = () => new ParameterNet(mlp([S, ...config.hiddenActor, p.size], false)).to(device);
    this.q = qNet();
    this.qTarget = qNet();
    this.qTarget.copyFrom(this.q);
    this.actor = actorNet();
    this.actorTarget = actorNet();
    this.actorTarget.copyFrom(this.actor);
    this.qOptimizer = new torch.optim.Adam(this.q.parameters(), { lr: config.lrQ, betas: [0.9, 0.999], eps: 1e-8 });
    this.actorOptimizer = new torch.optim.Adam(this.actor.parameters(), { lr: config.lrActor, betas: [0.9, 0.999], eps: 1e-8 });
    const replayConfig = { capacity: config.bufferSize, nStep: 1, gamma: config.gamma, prioritized: null, frameStack: 1 };
    this.replay = new Replay(replayConfig, this.encoding, 1 + p.size, device, this.rng);
    const mask = new Float32Array(p.kinds * p.size);
    for (let k = 0; k < p.kinds; k++) for (let j = 0; j < p.low[k].length; j++) mask[k * p.size + p.offsets[k] + j] = 1;
    this.passMask = torch.keep(torch.tensor(mask, { shape: [p.kinds, 1, p.size], device }));
  }

  get steps(): number {
    return this.stepCount;
  }

  /** Q(s, ·, x) [B, K]: one pass with all parameters (P-DQN), or K passes each with one action's (MP-DQN). */
  qValues(net: torch.nn.Module, s: torch.Tensor, x: torch.Tensor): torch.Tensor {
    if (!this.config.multiPass) return net.forward(torch.cat([s, x], 1));
    const K = this.space.kinds;
    const B = s.size(0);
    const inputs = torch.cat([s.unsqueeze(0).expand([K, B, s.size(1)]), x.unsqueeze(0).mul(this.passMask)], 2);
    const all = net.forward(inputs.reshape([K * B, -1])).reshape([K, B, K]);
    const own = torch.arange(K, undefined, 1, { device: this.device }).reshape([K, 1, 1]).expand([K, B, 1]);
    return all.gather(2, own).squeeze(2).t();
  }

  begin(obs: Native, learn: boolean): void {
    if (learn) this.replay.begin(this.encoding.encode(obs));
  }

  act(obs: Native, explore: boolean): Native {
    const p = this.space;
    let kind: number;
    let params: Float32Array;
    if (explore && this.rng.random() < scheduleValue(this.config.epsilon, this.stepCount)) {
      kind = this.rng.integer(p.kinds);
      params = Float32Array.from({ length: p.size }, () => 2 * this.rng.random() - 1);
    } else {
      [kind, params] = torch.tidy(() =>
        torch.noGrad(() => {
          const s = torch.tensor(this.encoding.encode(obs), { shape: [1, this.encoding.shape[0]], device: this.device });
          const x = this.actor.forward(s);
          return [this.qValues(this.q, s, x).argmax().item(), x.data() as Float32Array] as const;
        }),
      );
    }
    this.last = { kind, params };
    return p.toEnv(kind, p.fromUnit(params));
  }

  observe(o: Outcome, learn: boolean): void {
    if (!learn) return;
    if (!this.last) throw new Error('P-DQN observe() without a preceding act()');
    this.replay.add([this.last.kind, ...this.last.params], o.reward, this.encoding.encode(o.nextObs), o.terminated, o.truncated);
    this.stepCount++;
    if (this.stepCount > this.config.learningStarts) this.learn();
  }

  learn(): void {
    const c = this.config;
    torch.tidy(() => {
      const b = this.replay.sample(c.batchSize);
      const kinds = b.actions.select(1, 0).long().unsqueeze(1);
      const x = b.actions.slice(1, 1);
      const target = torch.noGrad(() => {
        const nextQ = this.qValues(this.qTarget, b.nextObs, this.actorTarget.forward(b.nextObs)).max(1).values;
        return b.rewards.add(b.discounts.mul(nextQ));
      });
      const q = this.qValues(this.q, b.obs, x).gather(1, kinds).squeeze(1);
      const loss = c.loss === 'huber' ? torch.nn.huberLoss(q, target) : torch.nn.mseLoss(q, target);
      this.qOptimizer.zeroGrad();
      loss.backward();
      if (c.maxGradNorm > 0) torch.optim.clipGradNorm(this.q.parameters(), c.maxGradNorm);
      this.qOptimizer.step();

      // The parameter loss −Σ_k Q(s, k, x(s)); its gradient reaches Q's weights too, which the next zeroGrad drops.
      const actorLoss = this.qValues(this.q, b.obs, this.actor.forward(b.obs)).sum(1).mean().neg();
      this.actorOptimizer.zeroGrad();
      actorLoss.backward();
      if (c.maxGradNorm > 0) torch.optim.clipGradNorm(this.actor.parameters(), c.maxGradNorm);
      this.actorOptimizer.step();
      this.q.zeroGrad();

      softUpdate(this.qTarget, this.q, c.tauQ);
      softUpdate(this.actorTarget, this.actor, c.tauActor);
      this.lastLoss = loss.item();
      this.lastActorLoss = actorLoss.item();
    });
  }

  metrics(): Record<string, number> {
    return { loss: this.lastLoss, actor_loss: this.lastActorLoss, epsilon: scheduleValue(this.config.epsilon, this.stepCount) };
  }

  checkpoint(): AgentCheckpoint {
    const replay = this.replay.checkpoint('replay.');
    return {
      tensors: {
        ...prefixed(this.q, 'q.'),
        ...prefixed(this.qTarget, 'q_target.'),
        ...prefixed(this.actor, 'actor.'),
        ...prefixed(this.actorTarget, 'actor_target.'),
        ...prefixed(this.qOptimizer, 'adam_q.'),
        ...prefixed(this.actorOptimizer, 'adam_actor.'),
        ...replay.tensors,
      },
      state: { steps: this.stepCount, rng: this.rng.state(), replay: { ...replay.state } },
    };
  }

  restore(c: AgentCheckpoint): void {
    const s = c.state as unknown as { steps: number; rng: { seed: number; draws: number }; replay: ReplayState };
    this.q.loadStateDict(withPrefix(c.tensors, 'q.'));
    this.qTarget.loadStateDict(withPrefix(c.tensors, 'q_target.'));
    this.actor.loadStateDict(withPrefix(c.tensors, 'actor.'));
    this.actorTarget.loadStateDict(withPrefix(c.tensors, 'actor_target.'));
    this.qOptimizer.loadStateDict(withPrefix(c.tensors, 'adam_q.'));
    this.actorOptimizer.loadStateDict(withPrefix(c.tensors, 'adam_actor.'));
    this.replay.restore(c.tensors, 'replay.', s.replay);
    this.stepCount = s.steps;
    this.rng.restore(s.rng);
  }

  dispose(): void {
    for (const m of [this.q, this.qTarget, this.actor, this.actorTarget, this.qOptimizer, this.actorOptimizer, this.replay]) m.dispose();
    this.passMask.dispose();
  }
}
