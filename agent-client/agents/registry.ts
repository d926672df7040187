// The agents the CLI and benchmarks can build, each with its paper defaults and per-env presets (the settings
// the learning benchmark uses; anything can still be overridden).

import * as torch from '../torch/index.js';
import type { Agent, EnvSpaces } from './common/agent.js';
import { DQN } from './dqn/dqn.js';
import { DQN_DEFAULTS, type DQNConfig } from './dqn/config.js';
import { HDQN, HDQN_DEFAULTS, type HDQNConfig } from './hdqn/hdqn.js';
import { RND, RND_DEFAULTS, type RNDConfig } from './rnd/rnd.js';
import { PDQN } from './pdqn/pdqn.js';
import { PDQN_DEFAULTS, type PDQNConfig } from './pdqn/config.js';
import { QLEARNING_DEFAULTS, QLearning } from './qlearning/qlearning.js';
import { PRESETS, checkPresetFits, presetFor } from './presets.js';

export interface AgentEntry {
  description: string;
  /** Takes frame stacks through the Nature conv net (so Atari ids get the standard preprocessing). */
  frames: boolean;
  defaults: object;
  create(config: object, spaces: EnvSpaces, seed: number, device: torch.Device): Agent;
}

export const AGENTS: Record<string, AgentEntry> = {
  dqn: {
    description: 'DQN (Mnih et al. 2015) with target network, double, dueling, n-step and prioritised replay options',
    frames: true,
    defaults: DQN_DEFAULTS,
    create: (c, s, seed, device) => new DQN(c as DQNConfig, s, seed, device),
  },
  rnd: {
    description: 'DQN with Random Network Distillation (Burda et al. 2018) as an exploration bonus',
    frames: true,
    defaults: { ...DQN_DEFAULTS, rnd: RND_DEFAULTS },
    create: (c, s, seed, device) => {
      const config = c as DQNConfig & { rnd: RNDConfig };
      return new DQN(config, s, seed, device, (encoding, rng) => new RND(config.rnd, encoding, device, rng), 'rnd');
    },
  },
  pdqn: {
    description: 'P-DQN (Xiong et al. 2018) for parameterised actions (Platform-v0)',
    frames: false,
    defaults: PDQN_DEFAULTS,
    create: (c, s, seed, device) => new PDQN({ ...(c as PDQNConfig), multiPass: false }, s, seed, device),
  },
  mpdqn: {
    description: 'MP-DQN (Bester et al. 2019): P-DQN with one Q pass per discrete action',
    frames: false,
    defaults: { ...PDQN_DEFAULTS, multiPass: true },
    create: (c, s, seed, device) => new PDQN({ ...(c as PDQNConfig), multiPass: true }, s, seed, device),
  },
  hdqn: {
    description: 'h-DQN (Kulkarni et al. 2016): a meta-controller choosing goal states for a goal-conditioned controller',
    frames: false,
    defaults: HDQN_DEFAULTS,
    create: (c, s, seed, device) => new HDQN(c as HDQNConfig, s, seed, device),
  },
  qlearning: {
    description: 'tabular Q-learning (Watkins 1989) for Discrete observations',
    frames: false,
    defaults: QLEARNING_DEFAULTS,
    create: (c, s, seed) => new QLearning(c as typeof QLEARNING_DEFAULTS, s, seed),
  },
};

export function agentEntry(kind: string): AgentEntry {
  const e = AGENTS[kind];
  if (!e) throw new TypeError(`unknown agent '${kind}'; available: ${Object.keys(AGENTS).join(', ')}`);
  return e;
}

/** Defaults, then the preset (named, or the agent's first for the env), then the overrides; unknown keys are refused. */
export function configFor(kind: string, envId: string, overrides: Record<string, unknown> = {}, presetName: string | null = presetFor(kind, envId)): object {
  const { defaults } = agentEntry(kind);
  if (presetName) checkPresetFits(presetName, kind, envId);
  const preset = presetName ? PRESETS[presetName].config : {};
  for (const key of Object.keys(overrides)) {
    if (!(key in defaults)) throw new TypeError(`agent '${kind}' has no setting '${key}'; its settings are ${Object.keys(defaults).join(', ')}`);
  }
  return structuredClone({ ...defaults, ...preset, ...overrides });
}

export function createAgent(kind: string, spaces: EnvSpaces, opts: { seed: number; device: torch.Device; config?: object; overrides?: Record<string, unknown>; preset?: string | null }): Agent {
  const config = opts.config ?? configFor(kind, spaces.envId, opts.overrides, opts.preset === undefined ? presetFor(kind, spaces.envId) : opts.preset);
  return agentEntry(kind).create(config, spaces, opts.seed, opts.device);
}
