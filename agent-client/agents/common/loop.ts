// The training loop and greedy evaluation over a remote env. The loop owns resets and episode bookkeeping; the
// agent only sees observations and outcomes.

import type { RemoteEnv } from '../../client.js';
import type { Agent } from './agent.js';

export interface Episode {
  /** Env steps trained when it ended. */
  step: number;
  return: number;
  length: number;
}

export interface TrainOptions {
  /** Train until the agent has this many env steps. */
  steps: number;
  /** Seeds the env's first reset (later resets continue its generator). */
  seed: number;
  /** Called after each episode; returning true stops training. */
  onEpisode?: (e: Episode) => boolean | void | Promise<boolean | void>;
  /** Checked every step; true stops training (Ctrl-C). */
  shouldStop?: () => boolean;
}

export async function train(env: RemoteEnv, agent: Agent, opts: TrainOptions): Promise<Episode[]> {
  const episodes: Episode[] = [];
  let obs = (await env.reset({ seed: opts.seed })).obs;
  agent.begin(obs, true);
  let ret = 0;
  let length = 0;
  while (agent.steps < opts.steps && !opts.shouldStop?.()) {
    const action = agent.act(obs, true);
    const r = await env.step(action);
    agent.observe({ action, reward: r.reward, nextObs: r.obs, terminated: r.terminated, truncated: r.truncated }, true);
    ret += r.reward;
    length++;
    obs = r.obs;
    if (r.terminated || r.truncated) {
      const e = { step: agent.steps, return: ret, length };
      episodes.push(e);
      if (await opts.onEpisode?.(e)) break;
      obs = (await env.reset()).obs;
      agent.begin(obs, true);
      ret = 0;
      length = 0;
    }
  }
  return episodes;
}

/** Returns of `episodes` greedy episodes, the first reset seeded with `seed`. */
export async function evaluate(env: RemoteEnv, agent: Agent, episodes: number, seed: number): Promise<number[]> {
  const returns: number[] = [];
  for (let i = 0; i < episodes; i++) {
    let obs = (await env.reset(i === 0 ? { seed } : {})).obs;
    agent.begin(obs, false);
    let ret = 0;
    for (let done = false; !done; ) {
      const action = agent.act(obs, false);
      const r = await env.step(action);
      agent.observe({ action, reward: r.reward, nextObs: r.obs, terminated: r.terminated, truncated: r.truncated }, false);
      ret += r.reward;
      obs = r.obs;
      done = r.terminated || r.truncated;
    }
    returns.push(ret);
  }
  return returns;
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}
