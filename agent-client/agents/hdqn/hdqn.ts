// h-DQN (Kulkarni et al. 2016): a meta-controller picks a goal (a state) from the current state; a controller
// acts on (state, goal) and earns intrinsic reward 1 when it reaches the goal; the meta-controller learns from
// the extrinsic reward gathered while the goal was pursued. Two QLearners with their own replay and ε schedules.
// Goals are the states of a one-hot observation (StochasticDecisionProcess-v0) or of a Discrete one.

import * as torch from '../../torch/index.js';
import { Discrete, type Native } from '../../../proto/spaces.js';
import type { Agent, AgentCheckpoint, EnvSpaces, Outcome } from '../common/agent.js';
import { type Encoding, encodingFor } from '../common/encoding.js';
import { CountingRng } from '../common/rng.js';
import { type Schedule, checkSchedule, scheduleValue } from '../common/schedule.js';
import { DQN_DEFAULTS } from '../dqn/config.js';
import { QLearner, type QLearnerConfig } from '../dqn/q-learner.js';

export interface HDQNConfig {
  gamma: number;
  lr: number;
  batchSize: number;
  /** Replay sizes of the controller and the meta-controller. */
  controllerBuffer: number;
  metaBuffer: number;
  learningStarts: number;
  /** Controller ε per env step; meta-controller ε per goal chosen. */
  controllerEpsilon: Schedule;
  metaEpsilon: Schedule;
  hidden: number[];
  tau: number;
}

/** The paper's SDP setting: ε annealed 1 → 0.1 for both levels, one-step Q-learning, Adam. */
export const HDQN_DEFAULTS: HDQNConfig = {
  gamma: 0.99,
  lr: 1e-3,
  batchSize: 32,
  controllerBuffer: 10_000,
  metaBuffer: 10_000,
  learningStarts: 100,
  controllerEpsilon: { kind: 'linear', start: 1, end: 0.1, steps: 12_000 },
  metaEpsilon: { kind: 'linear', start: 1, end: 0.1, steps: 5_000 },
  hidden: [64],
  tau: 0.01,
};

export class HDQN implements Agent {
  readonly kind = 'hdqn';
  readonly encoding: Encoding;
  readonly goals: number;
  readonly controller: QLearner;
  readonly meta: QLearner;
  private readonly rng: CountingRng;
  private stepCount = 0;
  private goalsChosen = 0;
  private goal: number | null = null;
  private extrinsic = 0;
  private reached = 0;
  private pursued = 0;

  constructor(
    readonly config: HDQNConfig,
    spaces: EnvSpaces,
    seed: number,
    readonly device: torch.Device,
  ) {
    if (!(spaces.actionSpace instanceof Discrete)) throw new TypeError(`h-DQN needs Discrete actions, got ${spaces.actionSpace}`);
    checkSchedule('hdqn config controllerEpsilon', config.controllerEpsilon);
    checkSchedule('hdqn config metaEpsilon', config.metaEpsilon);
    this.encoding = encodingFor(spaces.observationSpace);
    if (this.encoding.dtype !== 'float32') throw new TypeError('h-DQN takes one-hot or Discrete observations, not frames');
    this.goals = this.encoding.shape[0];
    this.rng = new CountingRng(seed);
    torch.manualSeed(seed);
    const learner = (bufferSize: number): QLearnerConfig => ({ ...DQN_DEFAULTS, gamma: config.gamma, lr: config.lr, adamEps: 1e-8, batchSize: config.batchSize, bufferSize, tau: config.tau, hidden: config.hidden, maxGradNorm: 10 });
    this.controller = new QLearner(learner(config.controllerBuffer), { shape: [2 * this.goals], dtype: 'float32' }, spaces.actionSpace.n, device, this.rng);
    this.meta = new QLearner(learner(config.metaBuffer), this.encoding, this.goals, device, this.rng);
  }

  get steps(): number {
    return this.stepCount;
  }

  /** The state index of an encoded observation (its hot entry). */
  private stateOf(x: Float32Array): number {
    return x.indexOf(1);
  }

  private controllerInput(x: Float32Array, goal: number): Float32Array {
    const out = new Float32Array(2 * this.goals);
    out.set(x);
    out[this.goals + goal] = 1;
    return out;
  }

  private egreedy(learner: QLearner, x: Float32Array, n: number, epsilon: number, explore: boolean): number {
    return explore && this.rng.random() < epsilon ? this.rng.integer(n) : learner.greedy(x);
  }

  begin(obs: Native, learn: boolean): void {
    this.goal = null;
    if (learn) this.meta.replay.begin(this.encoding.encode(obs));
  }

  act(obs: Native, explore: boolean): Native {
    const x = this.encoding.encode(obs) as Float32Array;
    if (this.goal === null) {
      this.goal = this.egreedy(this.meta, x, this.goals, scheduleValue(this.config.metaEpsilon, this.goalsChosen), explore);
      this.extrinsic = 0;
      this.pursued++;
      if (explore) {
        this.goalsChosen++;
        this.controller.replay.begin(this.controllerInput(x, this.goal));
      }
    }
    return this.egreedy(this.controller, this.controllerInput(x, this.goal), this.controller.actions, scheduleValue(this.config.controllerEpsilon, this.stepCount), explore);
  }

  observe(o: Outcome, learn: boolean): void {
    const goal = this.goal!;
    const next = this.encoding.encode(o.nextObs) as Float32Array;
    const reached = this.stateOf(next) === goal;
    this.extrinsic += o.reward;
    const goalOver = reached || o.terminated || o.truncated;
    if (learn) {
      this.controller.replay.add([o.action as number], reached ? 1 : 0, this.controllerInput(next, goal), reached || o.terminated, o.truncated);
      if (goalOver) this.meta.replay.add([goal], this.extrinsic, next, o.terminated, o.truncated);
      this.stepCount++;
      if (this.stepCount > this.config.learningStarts) {
        this.controller.learn(this.stepCount);
        this.controller.updateTarget();
        if (this.meta.replay.size >= this.config.batchSize) {
          this.meta.learn(this.stepCount);
          this.meta.updateTarget();
        }
      }
    }
    if (goalOver) {
      if (reached) this.reached++;
      this.goal = null;
    }
  }

  metrics(): Record<string, number> {
    return {
      loss: this.controller.lastLoss,
      meta_loss: this.meta.lastLoss,
      epsilon: scheduleValue(this.config.controllerEpsilon, this.stepCount),
      meta_epsilon: scheduleValue(this.config.metaEpsilon, this.goalsChosen),
      goal_success: this.pursued ? this.reached / this.pursued : NaN,
    };
  }

  checkpoint(): AgentCheckpoint {
    const c = this.controller.checkpoint('controller.');
    const m = this.meta.checkpoint('meta.');
    return {
      tensors: { ...c.tensors, ...m.tensors },
      state: { steps: this.stepCount, goalsChosen: this.goalsChosen, rng: this.rng.state(), controller: c.state, meta: m.state },
    };
  }

  restore(cp: AgentCheckpoint): void {
    const s = cp.state as unknown as { steps: number; goalsChosen: number; rng: { seed: number; draws: number }; controller: AgentCheckpoint['state']; meta: AgentCheckpoint['state'] };
    this.controller.restore({ tensors: cp.tensors, state: s.controller }, 'controller.');
    this.meta.restore({ tensors: cp.tensors, state: s.meta }, 'meta.');
    this.stepCount = s.steps;
    this.goalsChosen = s.goalsChosen;
    this.rng.restore(s.rng);
  }

  dispose(): void {
    this.controller.dispose();
    this.meta.dispose();
  }
}
