// A training run against a server: connect, make the env (a vector session with numEnvs > 1; Atari ids get the
// standard preprocessing for conv agents), build or resume the agent, train with progress and metrics (also
// reported to the server for the live viewer), checkpoint periodically, on Ctrl-C and when the server goes away,
// and evaluate greedily at the end.

import { join } from 'node:path';
import { existsSync } from 'node:fs';
import * as torch from '../torch/index.js';
import { type RemoteEnv, type RemoteVectorEnv, Stadium, StadiumError } from '../client.js';
import type { Agent, EnvSpaces } from './common/agent.js';
import { readCheckpoint, saveCheckpoint } from './common/checkpoint.js';
import { type Episode, evaluate, mean, train, trainVector } from './common/loop.js';
import { atariPipeline } from './common/pipeline.js';
import { EpisodeVideos } from './common/episode-videos.js';
import { RunLog } from './common/run-log.js';
import { agentEntry, configFor, createAgent } from './registry.js';
import { presetFor } from './presets.js';

export interface RunOptions {
  agent: string;
  env: string;
  /** A named preset (else the agent's first preset for the env, if any). */
  preset?: string | null;
  server: string;
  device: torch.DeviceSpec;
  steps: number;
  /** Wall-clock training budget in minutes (training stops at whichever of steps and minutes comes first). */
  minutes?: number;
  /** Copies of the env in one vector session (1: a plain session). */
  numEnvs?: number;
  /** Every Nth training episode (of copy 0) saved as an animated PNG in runDir/videos (0: none). */
  recordEvery?: number;
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
  /** How long one request may wait for the server (default 30 s); past it the run saves a checkpoint and stops. */
  timeoutMs?: number;
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
  const stadium = Stadium.connect(opts.server, { timeoutMs: opts.timeoutMs });
  let env: RemoteEnv | RemoteVectorEnv | null = null;
  let agent: Agent | null = null;
  const progress = opts.progress === undefined ? process.stderr : opts.progress;
  const log = new RunLog(opts.runDir, opts.steps, progress);
  const numEnvs = opts.numEnvs ?? 1;
  const deadline = opts.minutes ? Date.now() + opts.minutes * 60_000 : Infinity;
  const save = async () => {
    if (agent && opts.runDir) await saveCheckpoint(checkpointDir(opts.runDir), agent, { envId: opts.env, seed: opts.seed, progress: { episodes: log.episodes } });
  };
  try {
    const presetName = opts.preset === undefined ? presetFor(opts.agent, opts.env) : opts.preset;
    const config = configFor(opts.agent, opts.env, opts.overrides, presetName) as Record<string, unknown>;
    const pipeline = agentEntry(opts.agent).frames ? await atariPipeline(stadium, opts.env, opts.envKwargs) : { kwargs: opts.envKwargs, frameStack: null };
    const kwargs = pipeline.kwargs;
    // Replay stores a frame stack's frames once when it knows the stack.
    const overrides = { ...opts.overrides };
    if (pipeline.frameStack && 'frameStack' in config && !('frameStack' in overrides)) overrides.frameStack = pipeline.frameStack;
    let vec: RemoteVectorEnv | null = null;
    if (numEnvs > 1) {
      vec = await stadium.makeVec(opts.env, numEnvs, { kwargs }).catch((e: unknown) => {
        throw e instanceof StadiumError && e.code !== 14 ? new Error(`the server refused ${numEnvs} copies of ${opts.env} (${e.message}); try a smaller --num-envs`) : e;
      });
      env = vec;
    } else {
      env = await stadium.make(opts.env, { kwargs });
    }
    const observationSpace = vec ? vec.singleObservationSpace : (env as RemoteEnv).observationSpace;
    const actionSpace = vec ? vec.singleActionSpace : (env as RemoteEnv).actionSpace;
    const spaces: EnvSpaces = { envId: opts.env, observationSpace, actionSpace, numEnvs };
    // The live viewer plots what the log writes; a report that fails is noted once and training goes on.
    const session = env;
    let reportFailed = false;
    log.sink = (step, values) =>
      void session.report(values, step).catch((e: Error) => {
        if (!reportFailed) progress?.write(`\nmetrics are not reaching the server's viewer: ${e.message}\n`);
        reportFailed = true;
      });
    let firstSeed = opts.seed;
    if (opts.runDir && existsSync(join(checkpointDir(opts.runDir), 'agent.json'))) {
      const { meta, tensors } = await readCheckpoint(checkpointDir(opts.runDir), device);
      if (meta.kind !== opts.agent || meta.envId !== opts.env) throw new Error(`${checkpointDir(opts.runDir)} holds a ${meta.kind} agent for ${meta.envId}, not ${opts.agent} for ${opts.env}; choose another --run-dir`);
      agent = createAgent(meta.kind, spaces, { seed: meta.seed, device, config: meta.config });
      agent.restore({ tensors, state: meta.state });
      log.episodes = meta.progress.episodes ?? 0;
      log.resume(agent.steps);
      firstSeed = opts.seed + log.episodes;
      progress?.write(`resuming ${meta.kind} on ${meta.envId} at step ${agent.steps} from ${checkpointDir(opts.runDir)}\n`);
    } else {
      agent = createAgent(opts.agent, spaces, { seed: opts.seed, device, overrides, preset: presetName });
    }
    const a = agent;
    let nextSave = opts.checkpointEvery ? a.steps + opts.checkpointEvery : Infinity;
    if (opts.recordEvery && !opts.runDir) throw new TypeError('recording episodes (--record-every) needs --run-dir to keep them in');
    const videos = opts.recordEvery ? new EpisodeVideos(() => session.render(0), join(opts.runDir!, 'videos'), opts.recordEvery, session.spec.renderFps) : undefined;
    const trainOn = vec ? (o: Parameters<typeof train>[2]) => trainVector(vec!, a, o) : (o: Parameters<typeof train>[2]) => train(env as RemoteEnv, a, o);
    const episodes = await trainOn({
      steps: opts.steps,
      seed: firstSeed,
      watcher: videos,
      shouldStop: () => {
        log.tick(a.steps, a.metrics());
        return signal.stop || Date.now() >= deadline;
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
    let evalReturns: number[] = [];
    if (opts.evalEpisodes) {
      const single = vec ? await stadium.make(opts.env, { kwargs }) : (env as RemoteEnv);
      evalReturns = await evaluate(single, a, opts.evalEpisodes, opts.seed + 1_000_000);
      if (vec) await single.close();
    }
    if (evalReturns.length) log.write(a.steps, { 'eval/return_mean': mean(evalReturns) });
    return { agent: a, episodes, evalReturns, interrupted: false };
  } catch (e) {
    log.close();
    // UNAVAILABLE: the server is gone; DEADLINE_EXCEEDED: it stopped answering (hung, or starved of CPU), and the
    // session stream was cancelled. Either way the agent is intact: keep it.
    if (e instanceof StadiumError && (e.code === 14 || e.code === 4)) {
      if (!agent) throw new ServerGone(`could not reach the server at ${opts.server} (${e.message}); is it running (stadium serve)?`);
      await save();
      const where = opts.runDir ? `; checkpoint saved in ${checkpointDir(opts.runDir)} (run the same command to resume)` : '';
      const what = e.code === 14 ? 'went away' : 'stopped answering';
      throw new ServerGone(`the server at ${opts.server} ${what} at step ${agent.steps} (${e.message})${where}`);
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
