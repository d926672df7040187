// A training run against a server: connect, make the env, build or resume the agent, train with progress and
// metrics, checkpoint periodically, on Ctrl-C and when the server goes away, and evaluate greedily at the end.

import { join } from 'node:path';
import { existsSync } from 'node:fs';
import * as torch from '../torch/index.js';
import { type RemoteEnv, Stadium, StadiumError } from '../client.js';
import type { Agent, EnvSpaces } from './common/agent.js';
import { readCheckpoint, saveCheckpoint } from './common/checkpoint.js';
import { type Episode, evaluate, mean, train } from './common/loop.js';
import { RunLog } from './common/run-log.js';
import { createAgent } from './registry.js';

export interface RunOptions {
  agent: string;
  env: string;
  server: string;
  device: torch.DeviceSpec;
  steps: number;
  seed: number;
  runDir: string | null;
  overrides?: Record<string, unknown>;
  envKwargs?: Record<string, unknown>;
  /** Env steps between periodic checkpoints (0 = only at the end). */
  checkpointEvery?: number;
  evalEpisodes?: number;
  /** Stop when the mean return of the last 100 episodes reaches this. */
  stopAtReturn?: number;
  progress?: NodeJS.WriteStream | null;
  onEpisode?: (e: Episode, log: RunLog) => void;
}

export interface RunResult {
  agent: Agent;
  episodes: Episode[];
  evalReturns: number[];
  interrupted: boolean;
}

export function checkpointDir(runDir: string): string {
  return join(runDir, 'checkpoint');
}

export async function runTraining(opts: RunOptions, signal: { stop: boolean } = { stop: false }): Promise<RunResult> {
  const device = torch.resolveDevice(opts.device);
  const stadium = Stadium.connect(opts.server);
  let env: RemoteEnv | null = null;
  let agent: Agent | null = null;
  const progress = opts.progress === undefined ? process.stderr : opts.progress;
  const log = new RunLog(opts.runDir, opts.steps, progress);
  const save = async () => {
    if (agent && opts.runDir) await saveCheckpoint(checkpointDir(opts.runDir), agent, { envId: opts.env, seed: opts.seed, progress: { episodes: log.episodes } });
  };
  try {
    env = await stadium.make(opts.env, { kwargs: opts.envKwargs });
    const spaces: EnvSpaces = { envId: opts.env, observationSpace: env.observationSpace, actionSpace: env.actionSpace };
    let firstSeed = opts.seed;
    if (opts.runDir && existsSync(join(checkpointDir(opts.runDir), 'agent.json'))) {
      const { meta, tensors } = await readCheckpoint(checkpointDir(opts.runDir), device);
      if (meta.kind !== opts.agent || meta.envId !== opts.env) throw new Error(`${checkpointDir(opts.runDir)} holds a ${meta.kind} agent for ${meta.envId}, not ${opts.agent} for ${opts.env}; choose another --run-dir`);
      agent = createAgent(meta.kind, spaces, { seed: meta.seed, device, config: meta.config });
      agent.restore({ tensors, state: meta.state });
      log.episodes = meta.progress.episodes ?? 0;
      firstSeed = opts.seed + log.episodes;
      progress?.write(`resuming ${meta.kind} on ${meta.envId} at step ${agent.steps} from ${checkpointDir(opts.runDir)}\n`);
    } else {
      agent = createAgent(opts.agent, spaces, { seed: opts.seed, device, overrides: opts.overrides });
    }
    const a = agent;
    let nextSave = opts.checkpointEvery ? a.steps + opts.checkpointEvery : Infinity;
    const episodes = await train(env, a, {
      steps: opts.steps,
      seed: firstSeed,
      shouldStop: () => {
        log.tick(a.steps, a.metrics());
        return signal.stop;
      },
      onEpisode: async (e) => {
        log.episode(e);
        opts.onEpisode?.(e, log);
        if (a.steps >= nextSave) {
          await save();
          nextSave = a.steps + opts.checkpointEvery!;
        }
        return opts.stopAtReturn !== undefined && log.episodes >= 100 && log.meanReturn >= opts.stopAtReturn;
      },
    });
    log.tick(a.steps, a.metrics(), 0);
    log.close();
    await save();
    if (signal.stop) return { agent: a, episodes, evalReturns: [], interrupted: true };
    const evalReturns = opts.evalEpisodes ? await evaluate(env, a, opts.evalEpisodes, opts.seed + 1_000_000) : [];
    if (evalReturns.length) log.write(a.steps, { 'eval/return_mean': mean(evalReturns) });
    return { agent: a, episodes, evalReturns, interrupted: false };
  } catch (e) {
    log.close();
    if (e instanceof StadiumError && e.code === 14) {
      if (!agent) throw new ServerGone(`could not reach the server at ${opts.server} (${e.message}); is it running (stadium serve)?`);
      await save();
      const where = opts.runDir ? `; checkpoint saved in ${checkpointDir(opts.runDir)} (run the same command to resume)` : '';
      throw new ServerGone(`the server at ${opts.server} went away at step ${agent.steps} (${e.message})${where}`);
    }
    throw e;
  } finally {
    await env?.close().catch(() => undefined);
    stadium.close();
  }
}

export class ServerGone extends Error {
  override name = 'ServerGone';
}
