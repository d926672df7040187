// Per-env settings for the classic envs, where the papers' Atari-scale defaults (a million-step replay, 50k
// steps before learning) do not fit a 50k-step budget. Each is the setting the learning benchmark measured.

import { RND_DEFAULTS } from './rnd/rnd.js';

// CartPole DQN sized for this machine's CPU (its libtorch multiplies matrices with the reference BLAS): a 64-unit
// net updated every 4 steps, double DQN with 3-step returns and a Polyak-averaged target, ε over 10k steps.
const DQN_CARTPOLE = {
  lr: 1e-3,
  adamEps: 1e-8,
  batchSize: 64,
  bufferSize: 50_000,
  learningStarts: 1000,
  trainFrequency: 4,
  tau: 0.01,
  double: true,
  nStep: 3,
  epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 10_000 },
  hidden: [64, 64],
};

// RND for vector observations, sized like the CartPole net: target 64-64-64, predictor 64-64-64-64-64.
const RND_SMALL = { ...RND_DEFAULTS, features: 64, targetHidden: [64, 64], predictorHidden: [64, 64, 64, 64] };

export const PRESETS: Record<string, Record<string, object>> = {
  dqn: {
    'CartPole-v1': DQN_CARTPOLE,
    // The flat baseline for h-DQN, with h-DQN's learning settings.
    'StochasticDecisionProcess-v0': {
      lr: 1e-3,
      adamEps: 1e-8,
      batchSize: 32,
      bufferSize: 10_000,
      learningStarts: 100,
      trainFrequency: 1,
      tau: 0.01,
      epsilon: { kind: 'linear', start: 1, end: 0.1, steps: 12_000 },
      hidden: [64],
      maxGradNorm: 10,
    },
    // The discretised baseline for P-DQN: 3 actions × 5 parameter values, Bester et al.'s γ, replay and net.
    'Platform-v0': {
      gamma: 0.9,
      lr: 1e-3,
      adamEps: 1e-8,
      batchSize: 128,
      bufferSize: 10_000,
      learningStarts: 500,
      trainFrequency: 1,
      tau: 0.1,
      epsilon: { kind: 'linear', start: 1, end: 0.01, steps: 10_000 },
      hidden: [128],
      maxGradNorm: 10,
      observationItems: [0],
      parameterBins: 5,
    },
  },
  // DQN+RND: the DQN presets, with small RND networks for vector observations.
  rnd: {
    'CartPole-v1': { ...DQN_CARTPOLE, rnd: RND_SMALL },
    'FrozenLake8x8-v1': {
      gamma: 0.99,
      lr: 1e-3,
      adamEps: 1e-8,
      batchSize: 32,
      bufferSize: 20_000,
      learningStarts: 500,
      trainFrequency: 2,
      targetUpdateEvery: 500,
      epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 10_000 },
      hidden: [64],
      rnd: RND_SMALL,
    },
  },
  pdqn: {
    'Platform-v0': { observationItems: [0] },
  },
  mpdqn: {
    'Platform-v0': { observationItems: [0] },
  },
  qlearning: {
    'FrozenLake-v1': {
      gamma: 0.99,
      alpha: { kind: 'linear', start: 0.1, end: 0.01, steps: 200_000 },
      epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 100_000 },
    },
  },
};
