#!/usr/bin/env node
// stadium-agent: train and evaluate agents against any Stadium server.
//   stadium-agent train --agent dqn --env CartPole-v1 --server 127.0.0.1:50051 --steps 50000 --run-dir runs/cartpole
//   stadium-agent train --preset dqn-pong-fast --num-envs 8 --minutes 60 --run-dir runs/pong
//   stadium-agent eval --checkpoint runs/cartpole/checkpoint --episodes 100
//   stadium-agent envs --server 127.0.0.1:50051

import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import * as torch from './torch/index.js';
import { Stadium } from './client.js';
import { AGENTS, createAgent } from './agents/registry.js';
import { PRESETS, preset as presetNamed } from './agents/presets.js';
import { readCheckpoint } from './agents/common/checkpoint.js';
import { atariPipeline } from './agents/common/pipeline.js';
import { evaluate, mean } from './agents/common/loop.js';
import { ServerGone, checkpointDir, runTraining } from './agents/run.js';

const HELP = `stadium-agent — train and evaluate agents against a Stadium env server

Commands:
  train   (--preset NAME | --agent NAME --env ID) [--server HOST:PORT] [--device auto|cpu|cuda] [--steps N]
          [--minutes M] [--num-envs N] [--threads N] [--seed N] [--run-dir DIR] [--set key=value …]
          [--env-kwargs JSON] [--checkpoint-every N] [--eval-episodes N] [--record-every N]
          Trains, showing progress; writes metrics.jsonl, TensorBoard events and a checkpoint in DIR, and
          reports the curves to the server's live viewer. Re-running with the same --run-dir resumes from its
          checkpoint. Ctrl-C saves a checkpoint and exits.
  eval    --checkpoint DIR [--server HOST:PORT] [--episodes N] [--seed N] [--device …] [--env-kwargs JSON]
          Greedy evaluation of a saved agent; prints the mean return.
  envs    [FILTER] [--server HOST:PORT]   Lists the server's environments and their spaces; FILTER keeps the ids
          that contain it, ignoring case (e.g. 'pong', '-v5', 'ALE/').

Options:
  --preset            a named recipe (below): agent, env (its first; --env picks another it fits), settings
  --server            address of the env server (default 127.0.0.1:50051)
  --device            auto (CUDA when available), cpu, cuda or cuda:N (default auto)
  --steps             env steps to train (default: the preset's, else 50000)
  --minutes           wall-clock training budget; stops at whichever of --steps and --minutes comes first
  --num-envs          env copies in one vector session, acted on with one batched forward pass (default 1)
  --threads           torch and BLAS threads (default: half the cores when the server is on this machine, else all)
  --record-every      every Nth training episode (of copy 0), rendered by the server, kept as an animated PNG in
                      DIR/videos (default: the preset's; 0 = none)
  --seed              seed for networks, exploration and the env (default 1)
  --set key=value     overrides a hyperparameter; values are JSON (e.g. --set lr=0.001 --set double=true)
  --checkpoint-every  env steps between checkpoints (default 10000)
  --eval-episodes     greedy episodes after training (default 10)

Agents:
${Object.entries(AGENTS)
  .map(([k, e]) => `  ${k.padEnd(16)}${e.description}`)
  .join('\n')}

Presets (--preset NAME; --agent A --env E alone uses A's first preset that fits E):
${Object.entries(PRESETS)
  .map(([k, p]) => `  ${k.padEnd(22)}${p.agent} on ${p.envs.join(', ')}\n${' '.repeat(24)}${p.doc}`)
  .join('\n')}

Environments: whatever the server offers (see 'stadium-agent envs'); the classic ones are CartPole-v1,
FrozenLake-v1, FrozenLake8x8-v1, Platform-v0 and StochasticDecisionProcess-v0.
`;

function fail(message: string): never {
  process.stderr.write(`stadium-agent: ${message}\n`);
  process.exit(2);
}

function int(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got '${v}'`);
  return n;
}

function parseSets(sets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq < 1) fail(`--set takes key=value, got '${s}'`);
    const raw = s.slice(eq + 1);
    try {
      out[s.slice(0, eq)] = JSON.parse(raw);
    } catch {
      out[s.slice(0, eq)] = raw;
    }
  }
  return out;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        agent: { type: 'string' },
        env: { type: 'string' },
        preset: { type: 'string' },
        minutes: { type: 'string' },
        'num-envs': { type: 'string' },
        threads: { type: 'string' },
        'record-every': { type: 'string' },
        server: { type: 'string', default: '127.0.0.1:50051' },
        device: { type: 'string', default: 'auto' },
        steps: { type: 'string' },
        seed: { type: 'string' },
        'run-dir': { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        'env-kwargs': { type: 'string' },
        'checkpoint-every': { type: 'string' },
        'eval-episodes': { type: 'string' },
        checkpoint: { type: 'string' },
        episodes: { type: 'string' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n\n${HELP}`);
  }
  const { values: v, positionals } = parsed;
  const command = positionals[0];
  if (v.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  let device: torch.Device;
  try {
    device = torch.resolveDevice(v.device!);
  } catch (e) {
    fail((e as Error).message);
  }
  if (device.startsWith('cuda') && !torch.cuda.isAvailable()) fail(`--device ${v.device}: this libtorch or machine has no CUDA; use --device cpu (or auto, which picks CUDA only where there is one)`);
  const seed = int('seed', v.seed, 1);
  // The env server on the same cores as the trainer: BLAS and torch threads beyond half the cores fight it
  // (measured 30-40% slower training on 2 cores with OpenBLAS's default pool).
  const local = /^(127\.|localhost|\[::1\]|unix:)/.test(v.server!);
  const threads = int('threads', v.threads, Math.max(1, local ? Math.floor(availableParallelism() / 2) : availableParallelism()));
  if (threads < 1) fail('--threads must be at least 1');
  torch.setNumThreads(threads);

  if (command === 'train') {
    let p = null;
    if (v.preset) {
      try {
        p = presetNamed(v.preset);
      } catch (e) {
        fail((e as Error).message);
      }
      if (v.agent && v.agent !== p.agent) fail(`preset '${v.preset}' is for agent '${p.agent}', not '${v.agent}'; drop --agent or pick another preset`);
      if (v.env && !p.envs.includes(v.env)) fail(`preset '${v.preset}' fits ${p.envs.join(', ')}, not ${v.env}; pass one of those as --env or pick another preset`);
    }
    const agent = v.agent ?? p?.agent;
    const envId = v.env ?? p?.envs[0];
    if (!agent) fail(`train needs --preset NAME or --agent (one of ${Object.keys(AGENTS).join(', ')}); stadium-agent --help lists presets`);
    if (!(agent in AGENTS)) fail(`unknown agent '${agent}'; available: ${Object.keys(AGENTS).join(', ')}`);
    if (!envId) fail('train needs --env (an env id the server offers; see stadium-agent envs)');
    let envKwargs;
    try {
      envKwargs = v['env-kwargs'] ? JSON.parse(v['env-kwargs']) : undefined;
    } catch (e) {
      fail(`--env-kwargs must be a JSON object: ${(e as Error).message}`);
    }
    if (envKwargs !== undefined && (typeof envKwargs !== 'object' || envKwargs === null || Array.isArray(envKwargs))) fail(`--env-kwargs must be a JSON object, got ${v['env-kwargs']!.slice(0, 80)}`);
    if (p?.run?.envKwargs) envKwargs = { ...p.run.envKwargs, ...envKwargs };
    const minutes = v.minutes === undefined ? undefined : Number(v.minutes);
    if (minutes !== undefined && !(minutes > 0)) fail(`--minutes must be a positive number, got '${v.minutes}'`);
    const numEnvs = int('num-envs', v['num-envs'], 1);
    if (numEnvs < 1) fail('--num-envs must be at least 1');
    if (numEnvs > 1 && !['dqn', 'rnd'].includes(agent)) fail(`agent '${agent}' acts in one env at a time; --num-envs needs dqn or rnd`);
    const recordEvery = int('record-every', v['record-every'], v['run-dir'] ? (p?.run?.recordEvery ?? 0) : 0);
    if (recordEvery && !v['run-dir']) fail('--record-every needs --run-dir DIR to keep the videos in');
    const signal = { stop: false };
    process.on('SIGINT', () => {
      if (signal.stop) process.exit(130);
      signal.stop = true;
      process.stderr.write('\nstopping: saving a checkpoint (Ctrl-C again to quit without one)\n');
    });
    const runDir = v['run-dir'] ?? null;
    const result = await runTraining(
      {
        agent,
        env: envId,
        preset: v.preset ?? undefined,
        server: v.server!,
        device,
        steps: int('steps', v.steps, p?.run?.steps ?? (minutes !== undefined ? Number.MAX_SAFE_INTEGER : 50_000)),
        minutes,
        numEnvs,
        recordEvery,
        stopAtReturn: p?.run?.stopAtReturn,
        seed,
        runDir,
        overrides: parseSets(v.set!),
        envKwargs,
        checkpointEvery: int('checkpoint-every', v['checkpoint-every'], 10_000),
        evalEpisodes: int('eval-episodes', v['eval-episodes'], 10),
      },
      signal,
    );
    const last = result.episodes.slice(-100).map((e) => e.return);
    process.stdout.write(`trained ${result.agent.kind} on ${envId} for ${result.agent.steps} steps; mean return of the last ${last.length} episodes ${mean(last).toFixed(3)}\n`);
    if (result.evalReturns.length) process.stdout.write(`greedy evaluation over ${result.evalReturns.length} episodes: mean return ${mean(result.evalReturns).toFixed(3)}\n`);
    if (runDir) process.stdout.write(`${result.interrupted ? 'interrupted; ' : ''}checkpoint in ${checkpointDir(runDir)}\n`);
    result.agent.dispose();
    return;
  }

  if (command === 'eval') {
    if (!v.checkpoint) fail('eval needs --checkpoint DIR (a run dir\'s checkpoint folder)');
    const { meta, tensors } = await readCheckpoint(v.checkpoint, device);
    const stadium = Stadium.connect(v.server!);
    try {
      let envKwargs;
      try {
        envKwargs = v['env-kwargs'] ? JSON.parse(v['env-kwargs']) : undefined;
      } catch (e) {
        fail(`--env-kwargs must be a JSON object: ${(e as Error).message}`);
      }
      const kwargs = AGENTS[meta.kind]?.frames ? (await atariPipeline(stadium, meta.envId, envKwargs)).kwargs : envKwargs;
      const env = await stadium.make(meta.envId, { kwargs });
      // The replay's layout follows the env copies it was trained with.
      const numEnvs = (meta.state as { numEnvs?: number }).numEnvs ?? 1;
      const agent = createAgent(meta.kind, { envId: meta.envId, observationSpace: env.observationSpace, actionSpace: env.actionSpace, numEnvs }, { seed: meta.seed, device, config: meta.config });
      agent.restore({ tensors, state: meta.state });
      const returns = await evaluate(env, agent, int('episodes', v.episodes, 100), seed);
      process.stdout.write(`${meta.kind} on ${meta.envId} after ${agent.steps} steps: mean greedy return ${mean(returns).toFixed(4)} over ${returns.length} episodes (min ${Math.min(...returns)}, max ${Math.max(...returns)})\n`);
      await env.close();
    } finally {
      stadium.close();
    }
    return;
  }

  if (command === 'envs') {
    const stadium = Stadium.connect(v.server!);
    try {
      const all = await stadium.listEnvs();
      const filter = positionals[1]?.toLowerCase();
      const shown = filter === undefined ? all : all.filter((e) => e.id.toLowerCase().includes(filter));
      for (const e of shown) process.stdout.write(`${e.id.padEnd(32)} obs ${e.observationSpace}  actions ${e.actionSpace}\n`);
      // Atari alone is ~1,400 ids: say how many there are and how to narrow them down.
      process.stdout.write(filter === undefined ? `${all.length} environments (stadium-agent envs FILTER shows the ids containing FILTER)\n` : `${shown.length} of ${all.length} environments contain '${positionals[1]}'\n`);
    } finally {
      stadium.close();
    }
    return;
  }
  fail(`unknown command '${command}' (train, eval, envs, help)\n\n${HELP}`);
}

// A reader that stops early (`| head`) closes stdout: end quietly, as Unix tools do, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
main().catch((e) => {
  process.stderr.write(e instanceof ServerGone ? `stadium-agent: ${e.message}\n` : `stadium-agent: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
