// Tabular Q-learning (Watkins 1989): Q(s,a) ← Q(s,a) + α (r + γ max_a' Q(s',a') − Q(s,a)), with ε-greedy
// exploration and annealed ε and α. For Discrete observation and action spaces (FrozenLake).

import * as torch from '../../torch/index.js';
import { Discrete, type Native } from '../../../proto/spaces.js';
import type { Agent, AgentCheckpoint, EnvSpaces, Outcome } from '../common/agent.js';
import { required } from '../common/checkpoint.js';
import { CountingRng } from '../common/rng.js';
import { type Schedule, checkSchedule, constant, scheduleValue } from '../common/schedule.js';

export interface QLearningConfig {
  gamma: number;
  /** Step size, annealed per env step. */
  alpha: Schedule;
  epsilon: Schedule;
  /** Initial Q values (optimism explores). */
  initialQ: number;
}

/** Watkins' setting with Sutton & Barto's usual ε-greedy (ε 0.1, α 0.1), γ 0.99. */
export const QLEARNING_DEFAULTS: QLearningConfig = {
  gamma: 0.99,
  alpha: constant(0.1),
  epsilon: constant(0.1),
  initialQ: 0,
};

export class QLearning implements Agent {
  readonly kind = 'qlearning';
  readonly nS: number;
  readonly nA: number;
  readonly q: Float64Array;
  private readonly rng: CountingRng;
  private stepCount = 0;
  private state = 0;
  private lastTd = NaN;

  constructor(
    readonly config: QLearningConfig,
    spaces: EnvSpaces,
    seed: number,
  ) {
    const { observationSpace: os, actionSpace: as } = spaces;
    if (!(os instanceof Discrete) || !(as instanceof Discrete)) throw new TypeError(`tabular Q-learning needs Discrete observations and actions, got ${os} and ${as}`);
    if (!(config.gamma >= 0 && config.gamma <= 1)) throw new RangeError(`qlearning config 'gamma' must be in [0, 1], got ${config.gamma}`);
    checkSchedule('qlearning config alpha', config.alpha);
    checkSchedule('qlearning config epsilon', config.epsilon);
    this.nS = os.n;
    this.nA = as.n;
    this.q = new Float64Array(this.nS * this.nA).fill(config.initialQ);
    this.rng = new CountingRng(seed);
  }

  get steps(): number {
    return this.stepCount;
  }

  begin(obs: Native): void {
    this.state = obs as number;
  }

  act(obs: Native, explore: boolean): Native {
    const s = obs as number;
    if (explore && this.rng.random() < scheduleValue(this.config.epsilon, this.stepCount)) return this.rng.integer(this.nA);
    return this.greedy(s);
  }

  /** The best action in s, ties broken at random so untried actions get tried. */
  greedy(s: number): number {
    let best = -Infinity;
    let ties = 0;
    let choice = 0;
    for (let a = 0; a < this.nA; a++) {
      const v = this.q[s * this.nA + a];
      if (v > best) {
        best = v;
        ties = 1;
        choice = a;
      } else if (v === best && this.rng.integer(++ties) === 0) choice = a;
    }
    return choice;
  }

  observe(o: Outcome, learn: boolean): void {
    const s = this.state;
    const next = o.nextObs as number;
    this.state = next;
    if (!learn) return;
    const a = o.action as number;
    let bootstrap = 0;
    if (!o.terminated) {
      bootstrap = -Infinity;
      for (let b = 0; b < this.nA; b++) bootstrap = Math.max(bootstrap, this.q[next * this.nA + b]);
    }
    const i = s * this.nA + a;
    this.lastTd = o.reward + this.config.gamma * bootstrap - this.q[i];
    this.q[i] += scheduleValue(this.config.alpha, this.stepCount) * this.lastTd;
    this.stepCount++;
  }

  metrics(): Record<string, number> {
    return { td: this.lastTd, epsilon: scheduleValue(this.config.epsilon, this.stepCount), alpha: scheduleValue(this.config.alpha, this.stepCount) };
  }

  checkpoint(): AgentCheckpoint {
    return { tensors: { q: torch.tensor(this.q, { shape: [this.nS, this.nA] }) }, state: { steps: this.stepCount, rng: this.rng.state() } };
  }

  restore(c: AgentCheckpoint): void {
    const s = c.state as { steps: number; rng: { seed: number; draws: number } };
    this.q.set(required(c.tensors, 'q').data() as Float64Array);
    this.stepCount = s.steps;
    this.rng.restore(s.rng);
  }

  dispose(): void {}
}
