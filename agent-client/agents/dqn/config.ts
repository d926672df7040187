// DQN's hyperparameters. Defaults are the Nature DQN's (Mnih et al. 2015, Extended Data Table 1) with Adam in
// place of RMSProp; double DQN (van Hasselt et al. 2016), dueling heads (Wang et al. 2016), prioritised replay
// (Schaul et al. 2015) and n-step returns are off by default, as in that paper. Per-env presets live in presets.ts.

import { type Schedule, checkSchedule } from '../common/schedule.js';
import type { PrioritizedConfig } from './replay.js';

export interface DQNConfig {
  gamma: number;
  lr: number;
  adamEps: number;
  batchSize: number;
  bufferSize: number;
  /** Env steps of ε-greedy acting before the first update. */
  learningStarts: number;
  /**
   * What trainFrequency, targetUpdateEvery and ε's schedule count: env steps (Mnih et al.), or finished episodes,
   * a training round running when an episode ends (the Gravitar notebook's DQN+RND).
   */
  scheduleUnit: 'steps' | 'episodes';
  /** Env steps (or episodes) between training rounds, and gradient steps per round. */
  trainFrequency: number;
  gradientSteps: number;
  /** Target network: copied every `targetUpdateEvery` env steps when tau = 1, else Polyak-averaged with tau every round. */
  targetUpdateEvery: number;
  tau: number;
  double: boolean;
  dueling: boolean;
  /** Hidden layers of the dueling streams after the torso (null: one of the torso's width in each, as Wang et al.). */
  duelingHidden: { advantage: number[]; value: number[] } | null;
  loss: 'huber' | 'mse';
  /** Global gradient-norm clip (0 = none). */
  maxGradNorm: number;
  epsilon: Schedule;
  nStep: number;
  prioritized: PrioritizedConfig | null;
  /** Hidden layer sizes of the MLP torso (frame observations use the Nature conv net instead). */
  hidden: number[];
  /** Frames per stacked frame observation, for deduplicated replay (1 = none). */
  frameStack: number;
  /** Which items of a Tuple observation to feed the network (null = all). */
  observationItems: number[] | null;
  /** Bins per action parameter when the action space is parameterised (the discretised baseline). */
  parameterBins: number;
}

export const DQN_DEFAULTS: DQNConfig = {
  gamma: 0.99,
  lr: 2.5e-4,
  adamEps: 1.5e-4,
  batchSize: 32,
  bufferSize: 1_000_000,
  learningStarts: 50_000,
  scheduleUnit: 'steps',
  trainFrequency: 4,
  gradientSteps: 1,
  targetUpdateEvery: 10_000,
  tau: 1,
  double: false,
  dueling: false,
  duelingHidden: null,
  loss: 'huber',
  maxGradNorm: 0,
  epsilon: { kind: 'linear', start: 1, end: 0.1, steps: 1_000_000 },
  nStep: 1,
  prioritized: null,
  hidden: [512],
  frameStack: 1,
  observationItems: null,
  parameterBins: 5,
};

export function checkDQNConfig(c: DQNConfig): void {
  const positiveInts: (keyof DQNConfig)[] = ['batchSize', 'bufferSize', 'trainFrequency', 'gradientSteps', 'targetUpdateEvery', 'nStep', 'frameStack', 'parameterBins'];
  for (const k of positiveInts) {
    const v = c[k] as number;
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`dqn config '${k}' must be an integer >= 1, got ${JSON.stringify(v)}`);
  }
  if (!(c.gamma >= 0 && c.gamma <= 1)) throw new RangeError(`dqn config 'gamma' must be in [0, 1], got ${c.gamma}`);
  if (!(c.lr > 0)) throw new RangeError(`dqn config 'lr' must be > 0, got ${c.lr}`);
  if (!(c.tau > 0 && c.tau <= 1)) throw new RangeError(`dqn config 'tau' must be in (0, 1], got ${c.tau}`);
  if (c.scheduleUnit !== 'steps' && c.scheduleUnit !== 'episodes') throw new TypeError(`dqn config 'scheduleUnit' must be 'steps' or 'episodes', got ${JSON.stringify(c.scheduleUnit)}`);
  if (c.loss !== 'huber' && c.loss !== 'mse') throw new TypeError(`dqn config 'loss' must be 'huber' or 'mse', got ${JSON.stringify(c.loss)}`);
  if (!Number.isInteger(c.learningStarts) || c.learningStarts < 0) throw new RangeError(`dqn config 'learningStarts' must be an integer >= 0, got ${c.learningStarts}`);
  checkSchedule('dqn config epsilon', c.epsilon);
  if (c.prioritized && !(c.prioritized.alpha >= 0 && c.prioritized.beta0 >= 0 && c.prioritized.eps > 0 && c.prioritized.betaSteps > 0)) {
    throw new RangeError(`dqn config 'prioritized' needs alpha >= 0, beta0 >= 0, eps > 0, betaSteps > 0, got ${JSON.stringify(c.prioritized)}`);
  }
}
