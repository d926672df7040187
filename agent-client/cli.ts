#!/usr/bin/env node
// stadium-agent: train and evaluate agents against any Stadium server.
//   stadium-agent train --agent dqn --env CartPole-v1 --server 127.0.0.1:50051 --steps 50000 --run-dir runs/cartpole
//   stadium-agent eval --checkpoint runs/cartpole/checkpoint --episodes 100
//   stadium-agent envs --server 127.0.0.1:50051

import { parseArgs } from 'node:util';
import * as torch from './torch/index.js';
import { Stadium } from './client.js';
import { AGENTS, createAgent } from './agents/registry.js';
import { PRESETS } from './agents/presets.js';
import { readCheckpoint } from './agents/common/checkpoint.js';
import { evaluate, mean } from './agents/common/loop.js';
import { ServerGone, checkpointDir, runTraining } from './agents/run.js';

const HELP = `stadium-agent — train and evaluate agents against a Stadium env server

Commands:
  train   --agent NAME --env ID [--server HOST:PORT] [--device auto|cpu|cuda] [--steps N] [--seed N]
          [--run-dir DIR] [--set key=value …] [--env-kwargs JSON] [--checkpoint-every N] [--eval-episodes N]
          Trains, showing progress; writes metrics.jsonl, TensorBoard events and a checkpoint in DIR.
          Re-running with the same --run-dir resumes from its checkpoint. Ctrl-C saves a checkpoint and exits.
  eval    --checkpoint DIR [--server HOST:PORT] [--episodes N] [--seed N] [--device …]
          Greedy evaluation of a saved agent; prints the mean return.
  envs    [FILTER] [--server HOST:PORT]   Lists the server's environments and their spaces; FILTER keeps the ids
          that contain it, ignoring case (e.g. 'pong', '-v5', 'ALE/').

Options:
  --server            address of the env server (default 127.0.0.1:50051)
  --device            auto (CUDA when available), cpu, cuda or cuda:N (default auto)
  --steps             env steps to train (default 50000)
  --seed              seed for networks, exploration and the env (default 1)
  --set key=value     overrides a hyperparameter; values are JSON (e.g. --set lr=0.001 --set double=true)
  --checkpoint-every  env steps between checkpoints (default 10000)
  --eval-episodes     greedy episodes after training (default 10)

Agents:
${Object.entries(AGENTS)
  .map(([k, e]) => `  ${k.padEnd(16)}${e.description}\n${' '.repeat(18)}presets: ${Object.keys(PRESETS[k] ?? {}).join(', ') || '(none)'}`)
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
  const seed = int('seed', v.seed, 1);

  if (command === 'train') {
    if (!v.agent) fail(`train needs --agent (one of ${Object.keys(AGENTS).join(', ')})`);
    if (!v.env) fail('train needs --env (an env id the server offers; see stadium-agent envs)');
    let envKwargs;
    try {
      envKwargs = v['env-kwargs'] ? JSON.parse(v['env-kwargs']) : undefined;
    } catch (e) {
      fail(`--env-kwargs must be a JSON object: ${(e as Error).message}`);
    }
    const signal = { stop: false };
    process.on('SIGINT', () => {
      if (signal.stop) process.exit(130);
      signal.stop = true;
      process.stderr.write('\nstopping: saving a checkpoint (Ctrl-C again to quit without one)\n');
    });
    const runDir = v['run-dir'] ?? null;
    const result = await runTraining(
      {
        agent: v.agent,
        env: v.env,
        server: v.server!,
        device,
        steps: int('steps', v.steps, 50_000),
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
    process.stdout.write(`trained ${result.agent.kind} on ${v.env} for ${result.agent.steps} steps; mean return of the last ${last.length} episodes ${mean(last).toFixed(3)}\n`);
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
      const env = await stadium.make(meta.envId);
      const agent = createAgent(meta.kind, { envId: meta.envId, observationSpace: env.observationSpace, actionSpace: env.actionSpace }, { seed: meta.seed, device, config: meta.config });
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

main().catch((e) => {
  process.stderr.write(e instanceof ServerGone ? `stadium-agent: ${e.message}\n` : `stadium-agent: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
