// Per-env settings for the classic envs, where the papers' Atari-scale defaults (a million-step replay, 50k
// steps before learning) do not fit a 50k-step budget. Each is the setting the learning benchmark measured.

export const PRESETS: Record<string, Record<string, object>> = {
  dqn: {
    // Small net and frequent small updates: the CPU here multiplies matrices with the reference BLAS.
    'CartPole-v1': {
      lr: 1e-3,
      adamEps: 1e-8,
      batchSize: 64,
      bufferSize: 50_000,
      learningStarts: 1000,
      trainFrequency: 4,
      targetUpdateEvery: 500,
      double: true,
      maxGradNorm: 10,
      epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 10_000 },
      hidden: [64, 64],
    },
  },
  qlearning: {
    'FrozenLake-v1': {
      gamma: 0.99,
      alpha: { kind: 'linear', start: 0.1, end: 0.01, steps: 200_000 },
      epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 100_000 },
    },
  },
};
