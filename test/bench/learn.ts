// npm run bench:learn [-- NAME…]: trains each agent on its env on the CPU with fixed seeds against a real server
// started in this process, and prints env steps to reach the target, the final greedy evaluation, wall time and
// env steps/s. Learning results, not timings for CI: each run takes minutes on two shared cores. The Platform cases
// stop each seed at its first greedy check that meets the target over the full evaluation (as CartPole does): run to
// the end of the budget, P-DQN and MP-DQN oscillate after reaching ~1.0 and a seed's last policy lands anywhere in
// 0.84-1.0. A case with several seeds also prints the mean over them (Bester et al. report means over seeds).
// Opt-in rows, run only when named: `python-dqn-cartpole` trains examples/python/dqn_cartpole.py (plain PyTorch
// through the Python client, installed with pip into a throwaway venv of Debian's python3) against the same server;
// `pong-throughput` (ours against PyTorch, pong-throughput.ts) and the Atari learning runs, one command each:
// `--atari pong|pong-book|gravitar [--minutes M] [--num-envs N] [--run-dir DIR]` (atari-runs.ts), which leave
// metrics and curve.svg in the run dir.

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as torch from '../../agent-client/torch/index.js';
import { StadiumServer } from '../../env-server/server.js';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { Logger } from '../../env-server/log.js';
import { FrozenLake } from '../../env-server/envs/classic/frozen-lake.js';
import { Stadium } from '../../agent-client/client.js';
import { evaluate, mean, train } from '../../agent-client/agents/common/loop.js';
import { RunLog } from '../../agent-client/agents/common/run-log.js';
import { createAgent } from '../../agent-client/agents/registry.js';
import { finiteHorizonOptimum } from '../../agent-client/agents/qlearning/value-iteration.js';
import { REPO, installedClient, pythonSkip } from '../python/python.js';

interface Case {
  name: string;
  agent: string;
  env: string;
  envKwargs?: Record<string, unknown>;
  steps: number;
  /** One training run per seed; the row shows the mean final evaluation and each seed's. */
  seeds: number[];
  overrides?: Record<string, unknown>;
  /** The target on the mean greedy return over `evalEpisodes` (success rate where returns are 0/1). */
  target: number | null;
  evalEpisodes: number;
  /** Greedy checks during training: every `checkEvery` steps, a quick `quickEpisodes` check, then the full one. */
  checkEvery: number;
  quickEpisodes: number;
  /** Stop training once the target is reached (then that evaluation is the final one; else the final one is at the end). */
  stopAtTarget: boolean;
  /** Printed beside the result. */
  reference?: () => string;
  /** A training metric sampled 8 times during the run and printed as a curve (e.g. RND's intrinsic reward). */
  curve?: string;
  /** The preset to train with (else the agent's first preset for the env). */
  preset?: string;
}

function frozenLakeOptimum(): string {
  const env = new FrozenLake({ desc: ['SFFF', 'FHFH', 'FFFH', 'HFFG'], isSlippery: true, successRate: 1 / 3, rewardSchedule: [1, 0, 0] });
  return `optimum ${finiteHorizonOptimum(env.P, 100)[0].toFixed(4)} (value iteration, horizon 100)`;
}

const CASES: Case[] = [
  { name: 'dqn-cartpole', agent: 'dqn', env: 'CartPole-v1', steps: 50_000, seeds: [1], target: 475, evalEpisodes: 100, checkEvery: 2500, quickEpisodes: 10, stopAtTarget: true },
  { name: 'pdqn-platform', agent: 'pdqn', env: 'Platform-v0', steps: 20_000, seeds: [1, 2, 3], target: 0.9, evalEpisodes: 1000, checkEvery: 2500, quickEpisodes: 100, stopAtTarget: true },
  { name: 'mpdqn-platform', agent: 'mpdqn', env: 'Platform-v0', steps: 20_000, seeds: [1, 2, 3], target: 0.9, evalEpisodes: 1000, checkEvery: 2500, quickEpisodes: 100, stopAtTarget: true },
  { name: 'dqn-discretised-platform', agent: 'dqn', env: 'Platform-v0', steps: 20_000, seeds: [1, 2, 3], target: 0.9, evalEpisodes: 1000, checkEvery: 2500, quickEpisodes: 100, stopAtTarget: true },
  { name: 'hdqn-sdp', agent: 'hdqn', env: 'StochasticDecisionProcess-v0', steps: 15_000, seeds: [1], target: 0.1, evalEpisodes: 1000, checkEvery: 10_000, quickEpisodes: 200, stopAtTarget: false, reference: () => 'paper: h-DQN ≈ 0.13' },
  { name: 'dqn-flat-sdp', agent: 'dqn', env: 'StochasticDecisionProcess-v0', steps: 15_000, seeds: [1], target: null, evalEpisodes: 1000, checkEvery: 10_000, quickEpisodes: 200, stopAtTarget: false, reference: () => 'flat baseline on the same budget; paper: ≈ 0.01' },
  { name: 'rnd-cartpole', preset: 'rnd-cartpole-nstep', agent: 'rnd', env: 'CartPole-v1', steps: 20_000, seeds: [1], target: null, evalEpisodes: 20, checkEvery: 20_000, quickEpisodes: 0, stopAtTarget: false, curve: 'intrinsic_reward' },
  { name: 'rnd-frozenlake8x8', agent: 'rnd', env: 'FrozenLake8x8-v1', steps: 20_000, seeds: [1], target: null, evalEpisodes: 200, checkEvery: 20_000, quickEpisodes: 0, stopAtTarget: false, curve: 'intrinsic_reward' },
  { name: 'qlearning-frozenlake', agent: 'qlearning', env: 'FrozenLake-v1', steps: 200_000, seeds: [1], target: 0.7, evalEpisodes: 1000, checkEvery: 25_000, quickEpisodes: 200, stopAtTarget: false, reference: frozenLakeOptimum },
];

/** Learning runs of Python examples through the Python client; only when named on the command line. */
interface PythonCase {
  name: string;
  env: string;
  script: string;
  args: string[];
  target: number;
}

const PYTHON_CASES: PythonCase[] = [{ name: 'python-dqn-cartpole', env: 'CartPole-v1', script: 'examples/python/dqn_cartpole.py', args: ['--seed', '1'], target: 475 }];

interface Row {
  name: string;
  env: string;
  stepsToTarget: string;
  final: string;
  wall: string;
  rate: string;
  note: string;
}

/** What one seed's training run gave. */
interface SeedResult {
  reachedAt: number | null;
  final: number;
  trainedSteps: number;
  trainMs: number;
  curve: string[];
}

async function runSeed(c: Case, seed: number, address: string): Promise<SeedResult> {
  const stadium = Stadium.connect(address);
  const env = await stadium.make(c.env, { kwargs: c.envKwargs });
  const evalEnv = await stadium.make(c.env, { kwargs: c.envKwargs });
  const agent = createAgent(c.agent, { envId: c.env, observationSpace: env.observationSpace, actionSpace: env.actionSpace }, { seed, device: 'cpu', overrides: c.overrides, preset: c.preset });
  const runDir = join(tmpdir(), 'stadium-bench', c.seeds.length > 1 ? `${c.name}-seed${seed}` : c.name);
  rmSync(runDir, { recursive: true, force: true });
  const log = new RunLog(runDir, c.steps, process.stderr.isTTY ? process.stderr : null);
  const curve: string[] = [];
  const started = performance.now();
  let evalMs = 0;
  let reachedAt: number | null = null;
  let finalReturns: number[] | null = null;
  let nextCheck = c.checkEvery;
  const timedEval = async (episodes: number, evalSeed: number) => {
    const t = performance.now();
    const r = await evaluate(evalEnv, agent, episodes, evalSeed);
    evalMs += performance.now() - t;
    return r;
  };
  await train(env, agent, {
    steps: c.steps,
    seed,
    shouldStop: () => {
      log.tick(agent.steps, agent.metrics());
      if (c.curve && agent.steps % Math.floor(c.steps / 8) === 0 && agent.steps > 0 && curve.length < 8) curve.push(`${agent.steps / 1000}k: ${agent.metrics()[c.curve].toFixed(3)}`);
      return false;
    },
    onEpisode: async (e) => {
      log.episode(e);
      if (c.target === null || reachedAt !== null || agent.steps < nextCheck) return false;
      nextCheck += c.checkEvery;
      const quick = mean(await timedEval(c.quickEpisodes, seed + agent.steps));
      process.stderr.write(`\n[${c.name} seed ${seed}] step ${agent.steps}: quick greedy check ${quick.toFixed(3)} over ${c.quickEpisodes} episodes\n`);
      if (quick < c.target) return false;
      const full = await timedEval(c.evalEpisodes, seed + 1_000_000);
      process.stderr.write(`[${c.name} seed ${seed}] step ${agent.steps}: greedy ${mean(full).toFixed(3)} over ${c.evalEpisodes} episodes\n`);
      if (mean(full) < c.target) return false;
      reachedAt = agent.steps;
      if (c.stopAtTarget) finalReturns = full;
      return c.stopAtTarget;
    },
  });
  log.close();
  const trainMs = performance.now() - started - evalMs;
  const trainedSteps = agent.steps;
  finalReturns ??= await timedEval(c.evalEpisodes, seed + 1_000_000);
  const final = mean(finalReturns);
  if (c.target !== null && reachedAt === null && final >= c.target) reachedAt = trainedSteps;
  agent.dispose();
  await env.close();
  await evalEnv.close();
  stadium.close();
  return { reachedAt, final, trainedSteps, trainMs, curve };
}

async function runCase(c: Case, address: string): Promise<Row> {
  const started = performance.now();
  const results: SeedResult[] = [];
  for (const seed of c.seeds) results.push(await runSeed(c, seed, address));
  const final = mean(results.map((r) => r.final));
  const perSeed = c.seeds.length > 1 ? `; seeds ${c.seeds.join(', ')}: ${results.map((r) => r.final.toFixed(3)).join(', ')}` : '';
  const reached = results.map((r) => (r.reachedAt === null ? `not within ${r.trainedSteps}` : String(r.reachedAt)));
  const curve = results[0].curve;
  const runDirs = join(tmpdir(), 'stadium-bench', c.seeds.length > 1 ? `${c.name}-seed*` : c.name);
  const notes = [c.reference?.(), curve.length ? `${c.curve} ${curve.join(', ')}` : '', `metrics in ${runDirs}`].filter(Boolean).join('; ');
  const trainedSteps = results.reduce((a, r) => a + r.trainedSteps, 0);
  const trainMs = results.reduce((a, r) => a + r.trainMs, 0);
  return {
    name: c.name,
    env: c.env,
    stepsToTarget: c.target === null ? 'n/a' : reached.join(', '),
    final: `${final.toFixed(3)} (${c.evalEpisodes} ep${c.seeds.length > 1 ? ` each, mean of ${c.seeds.length} seeds` : ''})${c.target === null ? '' : ` target ${c.target}`}${perSeed}`,
    wall: `${((performance.now() - started) / 1000).toFixed(0)} s`,
    rate: ((trainedSteps * 1000) / trainMs).toFixed(0),
    note: notes,
  };
}

/** The script's last line is its JSON summary; its other output goes to stderr as progress. */
async function runPythonCase(c: PythonCase, address: string): Promise<Row> {
  const skip = pythonSkip(['grpc', 'google.protobuf', 'numpy', 'torch']);
  if (skip) return { name: c.name, env: c.env, stepsToTarget: 'skipped', final: 'skipped', wall: '0 s', rate: 'n/a', note: skip };
  const started = performance.now();
  const client = await installedClient();
  try {
    const lines: string[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(client.python, [join(REPO, c.script), '--server', address, ...c.args], { stdio: ['ignore', 'pipe', 'inherit'] });
      let buf = '';
      p.stdout.setEncoding('utf8');
      p.stdout.on('data', (d: string) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          lines.push(buf.slice(0, i));
          process.stderr.write(`[${c.name}] ${buf.slice(0, i)}\n`);
          buf = buf.slice(i + 1);
        }
      });
      p.on('close', resolve);
    });
    if (code !== 0) throw new Error(`${c.script} exited with ${code}`);
    const r = JSON.parse(lines[lines.length - 1]) as { reached_at: number | null; final: number; eval_episodes: number; trained_steps: number; steps_per_second: number };
    return {
      name: c.name,
      env: c.env,
      stepsToTarget: r.reached_at === null ? `not within ${r.trained_steps}` : String(r.reached_at),
      final: `${r.final.toFixed(3)} (${r.eval_episodes} ep) target ${c.target}`,
      wall: `${((performance.now() - started) / 1000).toFixed(0)} s`,
      rate: r.steps_per_second.toFixed(0),
      note: `${c.script}, Python client over the Session stream, 1 torch thread`,
    };
  } finally {
    client.remove();
  }
}

function table(rows: Row[]): string {
  const head = ['run', 'env', 'env steps to target', 'final greedy eval', 'wall time', 'train env steps/s', 'notes'];
  const lines = rows.map((r) => [r.name, r.env, r.stepsToTarget, r.final, r.wall, r.rate, r.note]);
  return [head, head.map(() => '---'), ...lines].map((l) => `| ${l.join(' | ')} |`).join('\n');
}

const wanted = process.argv.slice(2);
if (wanted[0] === 'pong-throughput' || wanted[0] === '--atari') {
  const { atariBench } = await import('./atari-runs.js');
  await atariBench(wanted);
  process.exit(0);
}
const unknown = wanted.filter((w) => !CASES.some((c) => c.name === w) && !PYTHON_CASES.some((c) => c.name === w));
if (unknown.length) {
  process.stderr.write(`unknown bench case ${unknown.join(', ')}; cases: ${CASES.map((c) => c.name).join(', ')}; opt-in: ${PYTHON_CASES.map((c) => c.name).join(', ')}\n`);
  process.exit(2);
}
const server = new StadiumServer(defaultRegistry(), { port: 0, logger: new Logger('silent') });
const port = await server.start();
process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), CPU training, libtorch ${torch.libtorchVersion()}, ${torch.getNumThreads()} torch thread(s)\n`);
const rows: Row[] = [];
try {
  for (const c of CASES.filter((c) => !wanted.length || wanted.includes(c.name))) {
    rows.push(await runCase(c, `127.0.0.1:${port}`));
    process.stdout.write(`${table(rows.slice(-1))}\n`);
  }
  for (const c of PYTHON_CASES.filter((c) => wanted.includes(c.name))) {
    rows.push(await runPythonCase(c, `127.0.0.1:${port}`));
    process.stdout.write(`${table(rows.slice(-1))}\n`);
  }
} finally {
  await server.shutdown(1000);
}
process.stdout.write(`\n${table(rows)}\n`);
