// Named recipes: an agent, the env ids it fits, its hyperparameters over the agent's paper defaults, and the run
// settings the recipe prescribes. `stadium-agent train --preset NAME` runs one; `--agent A --env E` alone gets the
// first preset of A that fits E. Each is the setting a learning benchmark measured or a published recipe.

import { RND_DEFAULTS } from './rnd/rnd.js';

export interface PresetRun {
  /** Env steps to train (the CLI's --steps and --minutes override it). */
  steps?: number;
  /** Stop once the mean return of the last 100 episodes reaches this. */
  stopAtReturn?: number;
  /** The server records every Nth episode for the viewer. */
  recordEvery?: number;
  /** make() options of the env (merged under --env-kwargs). */
  envKwargs?: Record<string, unknown>;
}

export interface Preset {
  agent: string;
  /** The env ids it fits; the first is the default. */
  envs: string[];
  config: Record<string, unknown>;
  run?: PresetRun;
  /** One line for --help. */
  doc: string;
}

// CartPole DQN sized for a CPU: a 64-unit net updated every 4 steps, double DQN with 3-step returns and a
// Polyak-averaged target, ε over 10k steps.
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

// Every Atari id of one game that the standard preprocessing fits (frame skip from the id, or 4 on NoFrameskip ids).
const atari = (game: string) => [`${game}NoFrameskip-v4`, `ALE/${game}-v5`, `${game}Deterministic-v4`, `${game}NoFrameskip-v0`];

// The Gravitar notebook's DQN+RND: episode-driven (10 gradient steps of batch 128 after each episode, target sync
// every 100 episodes, ε from 0.5 down by 1/2000 per episode to 0.02), Huber loss, Adam 1e-4, replay 50k on the
// training device from 2k transitions, dueling heads, reward = (extrinsic + normalised intrinsic) / 500.
const NOTEBOOK_DQN = {
  gamma: 0.99,
  lr: 1e-4,
  adamEps: 1e-8,
  batchSize: 128,
  bufferSize: 50_000,
  learningStarts: 2000,
  scheduleUnit: 'episodes',
  trainFrequency: 1,
  gradientSteps: 10,
  targetUpdateEvery: 100,
  tau: 1,
  dueling: true,
  // The notebook's streams: advantage 512-512-A, value 512-1.
  duelingHidden: { advantage: [512], value: [] },
  loss: 'huber',
  epsilon: { kind: 'linear', start: 0.5, end: 0.02, steps: 960 },
};
// The notebook's intrinsic reward is 0.5 × the squared feature error, z-scored over the last 1000 values and
// clipped to ±5; the 0.5 cancels in the z-score, so it is not a setting. Its predictor loss is detached, so its
// predictor never learns; ours trains it on a random quarter of each batch, as RND intends. Its single Adam over
// both nets is two Adams here with the same settings: Adam's update is per parameter and the two losses share none.
const NOTEBOOK_RND = { ...RND_DEFAULTS, extrinsicWeight: 1 / 500, intrinsicWeight: 1 / 500, lr: 1e-4, normaliseObs: false, rewardWindow: 1000, rewardClip: 5 };

export const PRESETS: Record<string, Preset> = {
  'dqn-cartpole': { agent: 'dqn', envs: ['CartPole-v1'], config: DQN_CARTPOLE, run: { steps: 50_000 }, doc: 'double 3-step DQN, 64-64 MLP, Polyak target; solves CartPole in ~30k steps' },
  'dqn-sdp': {
    agent: 'dqn',
    envs: ['StochasticDecisionProcess-v0'],
    // The flat baseline for h-DQN, with h-DQN's learning settings.
    config: { lr: 1e-3, adamEps: 1e-8, batchSize: 32, bufferSize: 10_000, learningStarts: 100, trainFrequency: 1, tau: 0.01, epsilon: { kind: 'linear', start: 1, end: 0.1, steps: 12_000 }, hidden: [64], maxGradNorm: 10 },
    run: { steps: 15_000 },
    doc: "flat DQN baseline for h-DQN with h-DQN's learning settings",
  },
  'dqn-platform': {
    agent: 'dqn',
    envs: ['Platform-v0'],
    // The discretised baseline for P-DQN: 3 actions × 5 parameter values, Bester et al.'s γ, replay and net.
    config: { gamma: 0.9, lr: 1e-3, adamEps: 1e-8, batchSize: 128, bufferSize: 10_000, learningStarts: 500, trainFrequency: 1, tau: 0.1, epsilon: { kind: 'linear', start: 1, end: 0.01, steps: 10_000 }, hidden: [128], maxGradNorm: 10, observationItems: [0], parameterBins: 5 },
    run: { steps: 20_000 },
    doc: 'discretised baseline for P-DQN: 3 actions x 5 parameter bins',
  },
  'dqn-pong': {
    agent: 'dqn',
    envs: atari('Pong'),
    // Lapan, Deep Reinforcement Learning Hands-On, ch. 6: one gradient step per env step, MSE loss, hard target sync.
    config: { gamma: 0.99, lr: 1e-4, adamEps: 1e-8, batchSize: 32, bufferSize: 10_000, learningStarts: 10_000, trainFrequency: 1, targetUpdateEvery: 1000, tau: 1, loss: 'mse', epsilon: { kind: 'linear', start: 1, end: 0.01, steps: 150_000 }, frameStack: 4 },
    run: { steps: 3_000_000, stopAtReturn: 19 },
    doc: 'the book recipe (Lapan ch. 6): replay 10k, Adam 1e-4, sync 1000, ε 1→0.01 over 150k, a gradient step per env step; stops at mean(100) ≥ 19',
  },
  'dqn-pong-fast': {
    agent: 'dqn',
    envs: atari('Pong'),
    // A quarter of the book's gradient steps per env step, each worth more: double, dueling, 3-step returns, a larger
    // replay, Huber loss. Measured on the 2-core CPU (bench:learn --atari pong): mean(100) −15 at 391k env steps
    // (117 min beside a second learning run), −13.5 at 440k.
    config: { gamma: 0.99, lr: 1e-4, adamEps: 1e-8, batchSize: 32, bufferSize: 100_000, learningStarts: 10_000, trainFrequency: 4, targetUpdateEvery: 1000, tau: 1, double: true, dueling: true, nStep: 3, loss: 'huber', epsilon: { kind: 'linear', start: 1, end: 0.02, steps: 100_000 }, frameStack: 4 },
    run: { steps: 3_000_000, stopAtReturn: 19 },
    doc: 'double + dueling + 3-step, a gradient step every 4 env steps, replay 100k, ε 1→0.02 over 100k; stops at mean(100) ≥ 19',
  },
  'rnd-gravitar': {
    agent: 'rnd',
    // The notebook's env is Gravitar-v0: its frame skip (2-4, drawn per step) stays the env's, and the server's
    // preprocessing pools each step's last two frames before shrinking them.
    envs: ['ALE/Gravitar-v5', 'Gravitar-v0', 'GravitarNoFrameskip-v4'],
    config: { ...NOTEBOOK_DQN, frameStack: 4, rnd: NOTEBOOK_RND },
    run: { steps: 10_000_000, recordEvery: 25 },
    doc: "the Gravitar notebook: dueling DQN + RND (target conv-512, predictor conv-512-512-512), trained after each episode, a video every 25 episodes",
  },
  'rnd-cartpole': {
    agent: 'rnd',
    envs: ['CartPole-v1'],
    config: { ...NOTEBOOK_DQN, hidden: [128, 256, 128], duelingHidden: { advantage: [128], value: [] }, rnd: { ...NOTEBOOK_RND, features: 128, targetHidden: [128, 256], predictorHidden: [128, 256, 128, 128] } },
    run: { steps: 200_000 },
    doc: "the Gravitar notebook's agent with its MLP (128-256-128) on CartPole (it reached a mean of 440 after ~600 episodes)",
  },
  'rnd-cartpole-nstep': {
    agent: 'rnd',
    envs: ['CartPole-v1'],
    config: { ...DQN_CARTPOLE, rnd: RND_SMALL },
    run: { steps: 20_000 },
    doc: 'the dqn-cartpole recipe with a small RND bonus (the bench:learn row)',
  },
  'rnd-frozenlake8x8': {
    agent: 'rnd',
    envs: ['FrozenLake8x8-v1'],
    config: { gamma: 0.99, lr: 1e-3, adamEps: 1e-8, batchSize: 32, bufferSize: 20_000, learningStarts: 500, trainFrequency: 2, targetUpdateEvery: 500, epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 10_000 }, hidden: [64], rnd: RND_SMALL },
    run: { steps: 20_000 },
    doc: 'DQN + a small RND bonus on the slippery 8x8 lake',
  },
  'pdqn-platform': { agent: 'pdqn', envs: ['Platform-v0'], config: { observationItems: [0] }, run: { steps: 20_000 }, doc: "P-DQN on Platform's 9 features" },
  'mpdqn-platform': { agent: 'mpdqn', envs: ['Platform-v0'], config: { observationItems: [0] }, run: { steps: 20_000 }, doc: "MP-DQN on Platform's 9 features" },
  'qlearning-frozenlake': {
    agent: 'qlearning',
    envs: ['FrozenLake-v1'],
    config: { gamma: 0.99, alpha: { kind: 'linear', start: 0.1, end: 0.01, steps: 200_000 }, epsilon: { kind: 'linear', start: 1, end: 0.05, steps: 100_000 } },
    run: { steps: 200_000 },
    doc: 'tabular Q-learning with decaying step size',
  },
};

export function preset(name: string): Preset {
  const p = PRESETS[name];
  if (!p) throw new TypeError(`unknown preset '${name}'; available: ${Object.keys(PRESETS).join(', ')} (stadium-agent --help describes them)`);
  return p;
}

/** The preset `agent` gets on `envId` when none is named: the first of that agent listing the env. */
export function presetFor(agent: string, envId: string): string | null {
  return Object.keys(PRESETS).find((n) => PRESETS[n].agent === agent && PRESETS[n].envs.includes(envId)) ?? null;
}

/** Checks that a named preset fits the agent and env asked for, with an error saying what would. */
export function checkPresetFits(name: string, agent: string, envId: string): void {
  const p = preset(name);
  if (p.agent !== agent) throw new TypeError(`preset '${name}' is for agent '${p.agent}', not '${agent}'; drop --agent or pick another preset`);
  if (!p.envs.includes(envId)) throw new TypeError(`preset '${name}' fits ${p.envs.join(', ')}, not ${envId}; pass one of those as --env or pick another preset`);
}
