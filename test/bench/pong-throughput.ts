// The Pong throughput rows of `npm run bench:learn -- pong-throughput` (opt-in: minutes, not CI): env steps per
// second while learning with the dqn-pong-fast recipe, ours (stadium-agent's DQN over the N-API libtorch binding)
// against the same recipe written plainly in Python PyTorch (dqn_pong.py), both stepping PongNoFrameskip-v4 with the
// standard preprocessing on one env server in its own process, 1 env and 8 envs, one thread and all cores. Each
// row trains from scratch to learning_starts, then counts env steps over a fixed window; the ratios are against rows
// measured in this run.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import * as torch from '../../agent-client/torch/index.js';
import { RemoteEnv, RemoteVectorEnv, Stadium } from '../../agent-client/client.js';
import { DQN } from '../../agent-client/agents/dqn/dqn.js';
import { train, trainVector } from '../../agent-client/agents/common/loop.js';
import { configFor } from '../../agent-client/agents/registry.js';
import type { DQNConfig } from '../../agent-client/agents/dqn/config.js';
import { Discrete } from '../../proto/spaces.js';
import { findPythonWithTorch } from '../torch/python.js';

const ENV = 'PongNoFrameskip-v4';
const KWARGS = { preprocess: true, fire_reset: true };
const LEARNING_STARTS = 1000;
const FRAME = 4 * 84 * 84;
const script = fileURLToPath(new URL('../../../test/bench/dqn_pong.py', import.meta.url));

async function session(stadium: Stadium, n: number): Promise<RemoteEnv | RemoteVectorEnv> {
  return n > 1 ? stadium.makeVec(ENV, n, { kwargs: KWARGS }) : stadium.make(ENV, { kwargs: KWARGS });
}

/** Env steps per second over `seconds` after learning started. */
class Window {
  private start: { t: number; steps: number } | null = null;
  rate = NaN;
  constructor(readonly seconds: number) {}
  /** True once the window is over. */
  at(steps: number): boolean {
    if (steps <= LEARNING_STARTS) return false;
    const t = performance.now();
    if (!this.start) this.start = { t, steps };
    if (t - this.start.t < this.seconds * 1000) return false;
    this.rate = ((steps - this.start.steps) * 1000) / (t - this.start.t);
    return true;
  }
}

async function ours(address: string, n: number, threads: number, seconds: number): Promise<number> {
  torch.setNumThreads(threads);
  const stadium = Stadium.connect(address);
  const env = await session(stadium, n);
  const vec = env instanceof RemoteVectorEnv ? env : null;
  const single = vec ? { observationSpace: vec.singleObservationSpace, actionSpace: vec.singleActionSpace } : { observationSpace: (env as RemoteEnv).observationSpace, actionSpace: (env as RemoteEnv).actionSpace };
  const config = { ...(configFor('dqn', ENV, {}, 'dqn-pong-fast') as DQNConfig), learningStarts: LEARNING_STARTS };
  const agent = new DQN(config, { envId: ENV, ...single, numEnvs: n }, 1, 'cpu');
  const window = new Window(seconds);
  const opts = { steps: Number.MAX_SAFE_INTEGER, seed: 1, shouldStop: () => window.at(agent.steps) };
  await (vec ? trainVector(vec, agent, opts) : train(env as RemoteEnv, agent, opts));
  agent.dispose();
  await env.close();
  stadium.close();
  return window.rate;
}

async function python(pythonPath: string, address: string, n: number, threads: number, seconds: number): Promise<number> {
  const stadium = Stadium.connect(address);
  const env = await session(stadium, n);
  const vec = env instanceof RemoteVectorEnv ? env : null;
  const actions = ((vec ? vec.singleActionSpace : (env as RemoteEnv).actionSpace) as Discrete).n;
  const child = spawn(pythonPath, ['-P', script, String(threads), String(n), String(LEARNING_STARTS), String(actions)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) },
  });
  // Ending the run closes the pipe under writes still queued: not an error.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const chunks: Buffer[] = [];
  let have = 0;
  let waiting: (() => void) | null = null;
  child.stdout.on('data', (b: Buffer) => {
    chunks.push(b);
    have += b.length;
    waiting?.();
  });
  const readActions = async (): Promise<Int32Array> => {
    while (have < 4 * n) {
      if (child.exitCode !== null) throw new Error(`the Python side exited (code ${child.exitCode})`);
      await new Promise<void>((resolve) => (waiting = resolve));
    }
    const all = Buffer.concat(chunks);
    chunks.length = 0;
    chunks.push(all.subarray(4 * n));
    have -= 4 * n;
    return new Int32Array(all.buffer.slice(all.byteOffset, all.byteOffset + 4 * n));
  };
  const send = (b: Uint8Array) => child.stdin.write(b);
  const first = vec ? ((await vec.reset({ seed: 1 })).obs as Uint8Array) : ((await (env as RemoteEnv).reset({ seed: 1 })).obs as Uint8Array);
  send(first);
  const window = new Window(seconds);
  const ended = new Uint8Array(n);
  let steps = 0;
  while (!window.at(steps)) {
    const a = await readActions();
    let obs: Uint8Array;
    const rewards = new Float64Array(n);
    const flags = new Uint8Array(3 * n);
    if (vec) {
      const r = await vec.step(Array.from(a));
      obs = r.obs as Uint8Array;
      rewards.set(r.rewards);
      for (let i = 0; i < n; i++) {
        flags[i] = r.terminated[i] ? 1 : 0;
        flags[n + i] = r.truncated[i] ? 1 : 0;
        flags[2 * n + i] = ended[i];
        if (!ended[i]) steps++;
        ended[i] = r.terminated[i] || r.truncated[i] ? 1 : 0;
      }
    } else {
      const e = env as RemoteEnv;
      const r = ended[0] ? { ...(await e.reset()), reward: 0, terminated: false, truncated: false } : await e.step(a[0]);
      obs = r.obs as Uint8Array;
      rewards[0] = r.reward;
      flags.set([r.terminated ? 1 : 0, r.truncated ? 1 : 0, ended[0]]);
      if (!ended[0]) steps++;
      ended[0] = r.terminated || r.truncated ? 1 : 0;
    }
    if (obs.length !== n * FRAME) throw new Error(`expected ${n} stacks of ${FRAME} bytes, got ${obs.length} bytes`);
    send(obs);
    send(new Uint8Array(rewards.buffer));
    send(flags);
  }
  child.stdin.end();
  child.kill();
  await exited;
  await env.close();
  stadium.close();
  return window.rate;
}

export async function pongThroughput(address: string, seconds = 60, threadCounts?: number[]): Promise<void> {
  const pythonPath = findPythonWithTorch();
  const cores = availableParallelism();
  const rows: string[][] = [];
  const base: Record<string, number> = {};
  const print = (cells: string[]) => process.stdout.write(`| ${cells.join(' | ')} |\n`);
  process.stdout.write(`Pong throughput (dqn-pong-fast recipe, learning from step ${LEARNING_STARTS}; ${seconds} s windows), env server in its own process; baseline: ${pythonPath ? `PyTorch via ${pythonPath}` : 'none (no python3 with torch found)'}\n`);
  print(['envs', 'threads', 'ours env steps/s', 'PyTorch env steps/s', 'ours / PyTorch', 'ours / ours with 1 env']);
  print(['---', '---', '---', '---', '---', '---']);
  for (const threads of threadCounts ?? [1, cores]) {
    for (const n of [1, 8]) {
      const o = await ours(address, n, threads, seconds);
      const p = pythonPath ? await python(pythonPath, address, n, threads, seconds) : NaN;
      if (n === 1) base[threads] = o;
      const cells = [String(n), String(threads), o.toFixed(1), p.toFixed(1), (o / p).toFixed(2), (o / base[threads]).toFixed(2)];
      rows.push(cells);
      print(cells);
    }
  }
}
