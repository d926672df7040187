// P-DQN's hyperparameters (Xiong et al. 2018), with the Platform settings of Bester et al. (2019, MP-DQN):
// γ 0.9, batch 128, replay 10k, 500 transitions before learning, Adam with lr 1e-3 (Q) and 1e-4 (parameters),
// Polyak τ 0.1 (Q) and 0.001 (parameters), ε 1 → 0.01, one hidden layer of 128 units, gradient clip 10.

import { type Schedule, checkSchedule } from '../common/schedule.js';

export interface PDQNConfig {
  gamma: number;
  batchSize: number;
  bufferSize: number;
  learningStarts: number;
  lrQ: number;
  lrActor: number;
  tauQ: number;
  tauActor: number;
  epsilon: Schedule;
  hiddenQ: number[];
  hiddenActor: number[];
  loss: 'huber' | 'mse';
  maxGradNorm: number;
  /** MP-DQN: one Q pass per discrete action with only that action's parameters (Bester et al. 2019). */
  multiPass: boolean;
  /** Which items of a Tuple observation to feed the networks (null = all). */
  observationItems: number[] | null;
}

export const PDQN_DEFAULTS: PDQNConfig = {
  gamma: 0.9,
  batchSize: 128,
  bufferSize: 10_000,
  learningStarts: 500,
  lrQ: 1e-3,
  lrActor: 1e-4,
  tauQ: 0.1,
  tauActor: 0.001,
  epsilon: { kind: 'linear', start: 1, end: 0.01, steps: 10_000 },
  hiddenQ: [128],
  hiddenActor: [128],
  loss: 'mse',
  maxGradNorm: 10,
  multiPass: false,
  observationItems: null,
};

export function checkPDQNConfig(c: PDQNConfig): void {
  for (const k of ['batchSize', 'bufferSize'] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 1) throw new RangeError(`pdqn config '${k}' must be an integer >= 1, got ${c[k]}`);
  }
  for (const k of ['lrQ', 'lrActor'] as const) if (!(c[k] > 0)) throw new RangeError(`pdqn config '${k}' must be > 0, got ${c[k]}`);
  for (const k of ['tauQ', 'tauActor'] as const) if (!(c[k] > 0 && c[k] <= 1)) throw new RangeError(`pdqn config '${k}' must be in (0, 1], got ${c[k]}`);
  if (!(c.gamma >= 0 && c.gamma <= 1)) throw new RangeError(`pdqn config 'gamma' must be in [0, 1], got ${c.gamma}`);
  if (c.loss !== 'huber' && c.loss !== 'mse') throw new TypeError(`pdqn config 'loss' must be 'huber' or 'mse', got ${JSON.stringify(c.loss)}`);
  checkSchedule('pdqn config epsilon', c.epsilon);
}
