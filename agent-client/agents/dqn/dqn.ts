// Deep Q-learning (Mnih et al. 2015) with the usual extensions, CleanRL-style: acting and the update schedule
// here, the TD update in QLearner.learn(). A RewardBonus (RND) adds an intrinsic reward to sampled transitions.

import * as torch from '../../torch/index.js';
import type { Native } from '../../../proto/spaces.js';
import type { Agent, AgentCheckpoint, EnvSpaces, Outcome } from '../common/agent.js';
import { type DiscreteActions, discreteActions } from '../common/actions.js';
import { type Encoding, encodingFor } from '../common/encoding.js';
import { CountingRng } from '../common/rng.js';
import { scheduleValue } from '../common/schedule.js';
import { type DQNConfig, checkDQNConfig } from './config.js';
import { QLearner, type RewardBonus } from './q-learner.js';

export class DQN implements Agent {
  readonly kind: string;
  readonly encoding: Encoding;
  readonly actions: DiscreteActions;
  readonly learner: QLearner;
  readonly bonus: RewardBonus | null;
  private readonly rng: CountingRng;
  private stepCount = 0;
  private episodeCount = 0;
  /** Env copies acting at once (a vector session): each feeds its own replay stream. */
  readonly numEnvs: number;
  /**
   * When set, observe() owes its gradient steps and target syncs instead of running them, and update() runs them
   * in order: the training loops call it while the next env step is on the wire, so the two overlap.
   */
  deferUpdates = false;
  private readonly owed: ('learn' | 'sync')[] = [];

  /** `makeBonus` builds an intrinsic reward (RND) over this agent's observation encoding and generator. */
  constructor(
    readonly config: DQNConfig,
    spaces: EnvSpaces,
    readonly seed: number,
    readonly device: torch.Device,
    makeBonus: ((encoding: Encoding, rng: CountingRng) => RewardBonus) | null = null,
    kind = 'dqn',
  ) {
    checkDQNConfig(config);
    this.kind = kind;
    this.rng = new CountingRng(seed);
    this.encoding = encodingFor(spaces.observationSpace, config.observationItems ?? undefined);
    this.actions = discreteActions(spaces.actionSpace, config.parameterBins);
    torch.manualSeed(seed);
    this.numEnvs = spaces.numEnvs ?? 1;
    this.learner = new QLearner(config, this.encoding, this.actions.n, device, this.rng, this.numEnvs);
    this.bonus = makeBonus?.(this.encoding, this.rng) ?? null;
  }

  get replay() {
    return this.learner.replay;
  }

  get steps(): number {
    return this.stepCount;
  }

  get episodes(): number {
    return this.episodeCount;
  }

  /** The count the schedules run on: env steps, or finished training episodes. */
  private get clock(): number {
    return this.config.scheduleUnit === 'episodes' ? this.episodeCount : this.stepCount;
  }

  get epsilon(): number {
    return scheduleValue(this.config.epsilon, this.clock);
  }

  begin(obs: Native, learn: boolean, copy = 0): void {
    if (learn) this.replay.begin(this.encoding.encode(obs), copy);
  }

  act(obs: Native, explore: boolean): Native {
    if (explore && this.rng.random() < this.epsilon) return this.actions.toEnv(this.rng.integer(this.actions.n));
    return this.actions.toEnv(this.learner.greedy(this.encoding.encode(obs)));
  }

  actBatch(obs: readonly Native[], explore: boolean): Native[] {
    const eps = this.epsilon;
    const random = obs.map(() => (explore && this.rng.random() < eps ? this.rng.integer(this.actions.n) : -1));
    const greedy = random.some((a) => a < 0) ? this.learner.greedyBatch(concat(obs.map((o) => this.encoding.encode(o))), obs.length) : null;
    return random.map((a, i) => this.actions.toEnv(a >= 0 ? a : Number(greedy![i])));
  }

  observe(o: Outcome, learn: boolean, copy = 0): void {
    if (!learn) return;
    const next = this.encoding.encode(o.nextObs);
    this.bonus?.observe(next);
    this.replay.add([this.actions.fromEnv(o.action)], o.reward, next, o.terminated, o.truncated, copy);
    this.stepCount++;
    const ended = o.terminated || o.truncated;
    if (ended) this.episodeCount++;
    const c = this.config;
    // A round every trainFrequency env steps (or episodes): with N copies each step of each copy counts, so the
    // gradient steps per env step stay the recipe's.
    if (c.scheduleUnit === 'episodes' && !ended) return;
    if (this.stepCount <= c.learningStarts) return;
    const clock = this.clock;
    if (clock % c.trainFrequency === 0) {
      for (let i = 0; i < c.gradientSteps; i++) this.owe('learn');
      if (c.tau < 1) this.owe('sync');
    }
    if (c.tau >= 1 && clock % c.targetUpdateEvery === 0) this.owe('sync');
  }

  private owe(u: 'learn' | 'sync'): void {
    this.owed.push(u);
    if (!this.deferUpdates) this.update();
  }

  update(): void {
    for (const u of this.owed.splice(0)) {
      if (u === 'learn') this.learner.learn(this.stepCount, this.bonus);
      else this.learner.updateTarget();
    }
  }

  metrics(): Record<string, number> {
    return { loss: this.learner.lastLoss, q: this.learner.lastQ, epsilon: this.epsilon, ...this.bonus?.metrics() };
  }

  checkpoint(): AgentCheckpoint {
    this.update();
    const learner = this.learner.checkpoint('');
    const bonus = this.bonus?.checkpoint();
    return {
      tensors: { ...learner.tensors, ...bonus?.tensors },
      state: { steps: this.stepCount, episodes: this.episodeCount, numEnvs: this.numEnvs, rng: this.rng.state(), learner: learner.state, bonus: bonus?.state ?? null },
    };
  }

  restore(c: AgentCheckpoint): void {
    const s = c.state as unknown as { steps: number; episodes?: number; rng: { seed: number; draws: number }; learner: AgentCheckpoint['state']; bonus: AgentCheckpoint['state'] };
    this.learner.restore({ tensors: c.tensors, state: s.learner }, '');
    this.bonus?.restore({ tensors: c.tensors, state: s.bonus });
    this.stepCount = s.steps;
    this.episodeCount = s.episodes ?? 0;
    this.rng.restore(s.rng);
  }

  dispose(): void {
    this.learner.dispose();
    this.bonus?.dispose();
  }
}

function concat(xs: (Float32Array | Uint8Array)[]): Float32Array | Uint8Array {
  const out = xs[0] instanceof Uint8Array ? new Uint8Array(xs.length * xs[0].length) : new Float32Array(xs.length * xs[0].length);
  xs.forEach((x, i) => out.set(x, i * x.length));
  return out;
}
