// The Atari rows of `npm run bench:learn`, opt-in (minutes to hours, not CI), each one command:
//   npm run bench:learn -- pong-throughput [SECONDS [THREADS…]]   ours against PyTorch (pong-throughput.ts)
//   npm run bench:learn -- --atari pong|pong-book|gravitar [--minutes M] [--num-envs N] [--run-dir DIR] [--seed S]
// A learning run trains its preset (pong: dqn-pong-fast, pong-book: dqn-pong, gravitar: rnd-gravitar) against an
// env server in its own process, then draws the curve of the mean return of the last 100 episodes against env
// steps and wall time into DIR/curve.svg and prints the command, seed, budget, steps/s and machine.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as torch from '../../agent-client/torch/index.js';
import { Stadium } from '../../agent-client/client.js';
import { runTraining } from '../../agent-client/agents/run.js';
import { preset } from '../../agent-client/agents/presets.js';
import { curveSvg, readCurve } from './plot-learning.js';
import { pongThroughput } from './pong-throughput.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ROMS = resolve(REPO, '..', 'shared', 'roms');

const RUNS: Record<string, { preset: string; refs: [number, string][] }> = {
  pong: { preset: 'dqn-pong-fast', refs: [[19, 'target'], [-15, 'CPU bar']] },
  'pong-book': { preset: 'dqn-pong', refs: [[19, 'target'], [-15, 'CPU bar']] },
  gravitar: { preset: 'rnd-gravitar', refs: [[173, 'random play'], [306.7, 'Nature DQN']] },
};

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** A Stadium server with the shared ROMs in a child process, so the env does not share the trainer's thread. */
async function serverProcess(): Promise<{ address: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO, 'dist/env-server/cli.js'), 'serve', '--port', String(port), '--rom-dir', ROMS, '--log-level', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const address = `127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const s = Stadium.connect(address);
    try {
      await s.listEnvs();
      break;
    } catch (e) {
      if (i > 100 || child.exitCode !== null) throw new Error(`the env server did not start: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      s.close();
    }
  }
  return { address, stop: () => child.kill('SIGKILL') };
}

export async function atariBench(args: string[]): Promise<void> {
  const server = await serverProcess();
  try {
    process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), CPU training, libtorch ${torch.libtorchVersion()}\n`);
    if (args[0] === 'pong-throughput') return await pongThroughput(server.address, Number(args[1] ?? 60), args.length > 2 ? args.slice(2).map(Number) : undefined);
    const { values: v, positionals } = parseArgs({ args: args.slice(1), allowPositionals: true, options: { minutes: { type: 'string' }, 'num-envs': { type: 'string' }, 'run-dir': { type: 'string' }, seed: { type: 'string' } } });
    const run = RUNS[positionals[0]];
    if (!run) throw new TypeError(`--atari takes one of ${Object.keys(RUNS).join(', ')}, got '${positionals[0] ?? ''}'`);
    const p = preset(run.preset);
    const minutes = Number(v.minutes ?? 120);
    const numEnvs = Number(v['num-envs'] ?? 1);
    const seed = Number(v.seed ?? 1);
    const runDir = v['run-dir'] ?? join(tmpdir(), 'stadium-bench', `atari-${positionals[0]}`);
    torch.setNumThreads(Math.max(1, Math.floor(cpus().length / 2)));
    const command = `npm run bench:learn -- --atari ${positionals[0]} --minutes ${minutes} --num-envs ${numEnvs} --seed ${seed}`;
    process.stdout.write(`${command}: preset ${run.preset} on ${p.envs[0]}, run dir ${runDir}\n`);
    const started = performance.now();
    const result = await runTraining({
      agent: p.agent, env: p.envs[0], preset: run.preset, server: server.address, device: 'cpu', steps: p.run?.steps ?? Number.MAX_SAFE_INTEGER,
      minutes, seed, runDir, numEnvs, recordEvery: p.run?.recordEvery, stopAtReturn: p.run?.stopAtReturn, evalEpisodes: 0, checkpointEvery: 50_000,
    });
    const seconds = (performance.now() - started) / 1000;
    const curve = readCurve(runDir);
    const best = curve.reduce((b, c) => (c.mean100 > b.mean100 ? c : b), curve[0]);
    const last = curve[curve.length - 1];
    const title = `${run.preset} on ${p.envs[0]}, seed ${seed}, ${minutes} min budget, ${numEnvs} env(s): ${result.agent.steps} steps, ${(result.agent.steps / seconds).toFixed(0)} steps/s, ${cpus().length}-core ${cpus()[0]?.model ?? ''}`;
    writeFileSync(join(runDir, 'curve.svg'), curveSvg(curve, title, run.refs));
    process.stdout.write(`${title}\nepisodes ${curve.length}; mean(100) best ${best?.mean100.toFixed(2)} at step ${best?.step}, last ${last?.mean100.toFixed(2)}; curve in ${join(runDir, 'curve.svg')}\n`);
    result.agent.dispose();
  } finally {
    server.stop();
  }
}
