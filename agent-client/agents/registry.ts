// The agents the CLI and benchmarks can build, each with its paper defaults and per-env presets (the settings
// the learning benchmark uses; anything can still be overridden).

import * as torch from '../torch/index.js';
import type { Agent, EnvSpaces } from './common/agent.js';
import { DQN } from './dqn/dqn.js';
import { DQN_DEFAULTS, type DQNConfig } from './dqn/config.js';
import { QLEARNING_DEFAULTS, QLearning } from './qlearning/qlearning.js';
import { PRESETS } from './presets.js';

export interface AgentEntry {
  description: string;
  defaults: object;
  create(config: object, spaces: EnvSpaces, seed: number, device: torch.Device): Agent;
}

export const AGENTS: Record<string, AgentEntry> = {
  dqn: {
    description: 'DQN (Mnih et al. 2015) with target network, double, dueling, n-step and prioritised replay options',
    defaults: DQN_DEFAULTS,
    create: (c, s, seed, device) => new DQN(c as DQNConfig, s, seed, device),
  },
  qlearning: {
    description: 'tabular Q-learning (Watkins 1989) for Discrete observations',
    defaults: QLEARNING_DEFAULTS,
    create: (c, s, seed) => new QLearning(c as typeof QLEARNING_DEFAULTS, s, seed),
  },
};

export function agentEntry(kind: string): AgentEntry {
  const e = AGENTS[kind];
  if (!e) throw new TypeError(`unknown agent '${kind}'; available: ${Object.keys(AGENTS).join(', ')}`);
  return e;
}

/** Defaults, then the env's preset, then the overrides; unknown keys are refused. */
export function configFor(kind: string, envId: string, overrides: Record<string, unknown> = {}): object {
  const { defaults } = agentEntry(kind);
  const preset = PRESETS[kind]?.[envId] ?? {};
  for (const key of Object.keys(overrides)) {
    if (!(key in defaults)) throw new TypeError(`agent '${kind}' has no setting '${key}'; its settings are ${Object.keys(defaults).join(', ')}`);
  }
  return structuredClone({ ...defaults, ...preset, ...overrides });
}

export function createAgent(kind: string, spaces: EnvSpaces, opts: { seed: number; device: torch.Device; config?: object; overrides?: Record<string, unknown> }): Agent {
  const config = opts.config ?? configFor(kind, spaces.envId, opts.overrides);
  return agentEntry(kind).create(config, spaces, opts.seed, opts.device);
}
