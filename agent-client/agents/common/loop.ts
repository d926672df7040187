// The training loop and greedy evaluation over a remote env. The loop owns resets and episode bookkeeping; the
// agent only sees observations and outcomes.

import { Box, Discrete, type Native, type Space } from '../../../proto/spaces.js';
import { stack, toBatchNative, type BatchNative } from '../../../proto/batch.js';
import type { RemoteEnv, RemoteVectorEnv } from '../../client.js';
import type { Agent } from './agent.js';
import type { EpisodeWatcher } from './episode-videos.js';

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
  /** Follows the episodes of copy 0 step by step (episode videos). */
  watcher?: EpisodeWatcher;
}

/**
 * While an env step is on the wire (the server steps it, maybe in another process or machine), the agent runs the
 * gradient steps its last transitions owed: one round behind, with the same number of updates per env step.
 */
async function stepWhileUpdating<T>(agent: Agent, step: Promise<T>): Promise<T> {
  if (agent.update) {
    // A failure is the caller's to see when it awaits the step, not an unhandled rejection meanwhile.
    step.catch(() => undefined);
    // Let the request reach the socket before the update holds this thread.
    await new Promise((resolve) => setImmediate(resolve));
    agent.update();
  }
  return step;
}

/** Overlapping lasts only for the loop: afterwards the agent updates as it observes again. */
async function overlapping<T>(agent: Agent, run: () => Promise<T>): Promise<T> {
  if (!agent.update) return run();
  agent.deferUpdates = true;
  try {
    return await run();
  } finally {
    agent.update();
    agent.deferUpdates = false;
  }
}

export async function train(env: RemoteEnv, agent: Agent, opts: TrainOptions): Promise<Episode[]> {
  return overlapping(agent, () => trainLoop(env, agent, opts));
}

async function trainLoop(env: RemoteEnv, agent: Agent, opts: TrainOptions): Promise<Episode[]> {
  const episodes: Episode[] = [];
  const w = opts.watcher;
  let obs = (await env.reset({ seed: opts.seed })).obs;
  agent.begin(obs, true);
  await w?.started();
  let ret = 0;
  let length = 0;
  while (agent.steps < opts.steps && !opts.shouldStop?.()) {
    const action = agent.act(obs, true);
    const r = await stepWhileUpdating(agent, env.step(action));
    agent.observe({ action, reward: r.reward, nextObs: r.obs, terminated: r.terminated, truncated: r.truncated }, true);
    await w?.stepped();
    ret += r.reward;
    length++;
    obs = r.obs;
    if (r.terminated || r.truncated) {
      await w?.ended();
      const e = { step: agent.steps, return: ret, length };
      episodes.push(e);
      if (await opts.onEpisode?.(e)) break;
      obs = (await env.reset()).obs;
      agent.begin(obs, true);
      await w?.started();
      ret = 0;
      length = 0;
    }
  }
  return episodes;
}

/**
 * Training over the N copies of a vector session: one batched forward pass a step for all copies, and every
 * copy's transitions go to the agent (its replay keeps them apart). The server autoresets a copy on the step after
 * its episode ended (that step's action is ignored), which here begins the copy's next episode.
 */
export async function trainVector(env: RemoteVectorEnv, agent: Agent, opts: TrainOptions): Promise<Episode[]> {
  return overlapping(agent, () => trainVectorLoop(env, agent, opts));
}

async function trainVectorLoop(env: RemoteVectorEnv, agent: Agent, opts: TrainOptions): Promise<Episode[]> {
  if (!agent.actBatch) throw new TypeError(`agent '${agent.kind}' acts in one env at a time; train it without --num-envs`);
  if (env.batchSize !== env.numEnvs) throw new TypeError(`training needs every copy in each step result; make the session without batch_size`);
  const n = env.numEnvs;
  const obsSpace = env.singleObservationSpace;
  const actionSpace = env.singleActionSpace;
  const episodes: Episode[] = [];
  const w = opts.watcher;
  let obs = rowsOf(obsSpace, (await env.reset({ seed: opts.seed })).obs, n);
  obs.forEach((o, i) => agent.begin(o, true, i));
  await w?.started();
  const ret = new Float64Array(n);
  const length = new Int32Array(n);
  const ended = new Uint8Array(n);
  let stop = false;
  while (!stop && agent.steps < opts.steps && !opts.shouldStop?.()) {
    const actions = agent.actBatch(obs, true);
    const r = await stepWhileUpdating(agent, env.step(actionSpace instanceof Discrete ? (actions as number[]) : toBatchNative(actionSpace, stack(actionSpace, actions), n)));
    const next = rowsOf(obsSpace, r.obs, n);
    for (let i = 0; i < n; i++) {
      if (ended[i]) {
        agent.begin(next[i], true, i);
        if (i === 0) await w?.started();
        ended[i] = 0;
        ret[i] = 0;
        length[i] = 0;
        continue;
      }
      agent.observe({ action: actions[i], reward: r.rewards[i], nextObs: next[i], terminated: r.terminated[i], truncated: r.truncated[i] }, true, i);
      if (i === 0) await w?.stepped();
      ret[i] += r.rewards[i];
      length[i]++;
      if (r.terminated[i] || r.truncated[i]) {
        if (i === 0) await w?.ended();
        ended[i] = 1;
        const e = { step: agent.steps, return: ret[i], length: length[i] };
        episodes.push(e);
        if (await opts.onEpisode?.(e)) stop = true;
      }
    }
    obs = next;
  }
  return episodes;
}

/** One observation per copy from a batched one (Box: views into the batch; Discrete: numbers). */
function rowsOf(space: Space, batch: BatchNative, n: number): Native[] {
  if (space instanceof Discrete) return Array.from(batch as number[]);
  if (space instanceof Box) {
    const data = batch as Uint8Array | Float32Array;
    const size = data.length / n;
    return Array.from({ length: n }, (_, i) => data.subarray(i * size, (i + 1) * size));
  }
  throw new TypeError(`vector training takes Box or Discrete observations, got ${space}`);
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
