// What the trainer, the evaluator, checkpoints and the CLI need from every agent. An agent sees the env only
// through its spaces and the observations and outcomes the loop hands it, so any server can host the env.

import type { Native, Space } from '../../../proto/spaces.js';
import type * as torch from '../../torch/index.js';

export interface EnvSpaces {
  envId: string;
  /** Spaces of one copy. */
  observationSpace: Space;
  actionSpace: Space;
  /** Copies of a vector session the agent will act in (1 when omitted). */
  numEnvs?: number;
}

export interface Outcome {
  action: Native;
  reward: number;
  nextObs: Native;
  terminated: boolean;
  truncated: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AgentCheckpoint {
  tensors: Record<string, torch.Tensor>;
  state: Json;
}

export interface Agent {
  /** Registry name ('dqn', 'pdqn', …). */
  readonly kind: string;
  readonly config: object;
  /** Env steps trained on so far. */
  readonly steps: number;
  /**
   * An episode starts at `obs`; `learn` says whether it is a training episode (else an evaluation). `copy`: which
   * copy of a vector session (agents with actBatch).
   */
  begin(obs: Native, learn: boolean, copy?: number): void;
  /** The action for `obs`: exploring while training, greedy when `explore` is false. */
  act(obs: Native, explore: boolean): Native;
  /** Vector acting: the actions for one observation per copy, from one batched forward pass. */
  actBatch?(obs: readonly Native[], explore: boolean): Native[];
  /** The outcome of the last action (of copy `copy`); with `learn` it is stored and may trigger updates. */
  observe(outcome: Outcome, learn: boolean, copy?: number): void;
  /** Set by the training loops when they can overlap updates with env steps: observe() then owes them to update(). */
  deferUpdates?: boolean;
  /** Runs the updates observe() owes (see deferUpdates). */
  update?(): void;
  /** Latest training statistics (loss, ε, …) for logs. */
  metrics(): Record<string, number>;
  checkpoint(): AgentCheckpoint;
  restore(c: AgentCheckpoint): void;
  dispose(): void;
}
