// bench:atari: preprocessed Atari steps per second (ALE/<Game>-v5 settings + AtariPreprocessing + 4-stack, so 4
// emulated frames per step) for Pong and Gravitar: one env in process (the baseline every ratio is against), a
// worker-pool vector of N in process with 1 and 2 workers, and the same over gRPC to a `stadium serve` process,
// plus the observation bytes per step of the full and newest-frame stack transports. The machine is shared, so
// besides wall-clock rates each row gives frames per CPU-second of the process that emulates (this process and
// its workers in process; the server process over gRPC), the figure comparable with per-core rates published
// elsewhere (such as EnvPool's), which this benchmark does not print: they were not measured in its run.

import { availableParallelism, cpus } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBackend } from '../../env-server/backend/choose.js';
import { atariRegistry } from '../atari/shared.js';
import { Stadium } from '../../agent-client/client.js';
import { spawnServer } from '../support/spawn-server.js';

const ROMS = resolve(fileURLToPath(new URL('../../../', import.meta.url)), '..', 'shared', 'roms');
if (!existsSync(`${ROMS}/pong.bin`)) {
  console.log(`bench:atari needs the ROMs in ${ROMS} (../shared is absent)`);
  process.exit(0);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const N = Number(process.env.BENCH_NUM_ENVS ?? 8);
const KW = { preprocess: true };
const registry = atariRegistry(ROMS);

interface Row {
  game: string;
  how: string;
  stepsPerSec: number;
  stepsPerCpuSec: number;
  bytesPerStep?: number;
}

/** CPU seconds used so far by this process (all threads), or by another process (Linux /proc, 100 ticks/s). */
function cpuSeconds(pid?: number): number {
  if (pid === undefined) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function timed(stepsPerCall: number, call: (i: number) => unknown, pid?: number): Promise<{ stepsPerSec: number; stepsPerCpuSec: number }> {
  for (let i = 0; i < 5; i++) await call(i);
  const start = performance.now();
  const cpu0 = cpuSeconds(pid);
  let calls = 0;
  while (performance.now() - start < SECONDS * 1000) await call(calls++);
  const steps = calls * stepsPerCall;
  return { stepsPerSec: steps / ((performance.now() - start) / 1000), stepsPerCpuSec: steps / (cpuSeconds(pid) - cpu0) };
}

const actions = (n: number, i: number) => Array.from({ length: n }, (_, k) => (i + k) % 6);

async function inProcess(id: string): Promise<Row[]> {
  const env = registry.make(id, KW);
  env.reset(0);
  const rows: Row[] = [{ game: id, how: 'in process, 1 env', ...(await timed(1, (i) => {
    if (env.step(i % 6).terminated) env.reset();
  })) }];
  for (const w of [1, 2]) {
    const pool = makeBackend(registry, id, { ...KW, num_workers: w }, N, 0);
    pool.reset(0, undefined);
    rows.push({ game: id, how: `in process, ${N} envs, ${w} worker${w > 1 ? 's' : ''}`, ...(await timed(N, (i) => pool.step(actions(N, i)))) });
    pool.close();
  }
  return rows;
}

async function overGrpc(id: string, address: string, pid: number): Promise<Row[]> {
  const stadium = Stadium.connect(address);
  const rows: Row[] = [];
  const env = await stadium.make(id, { kwargs: KW });
  await env.reset({ seed: 0 });
  let bytes = 0;
  const single = await timed(1, async (i) => {
    const s = await env.step(i % 6);
    bytes = (s.obs as Uint8Array).byteLength;
    if (s.terminated) await env.reset();
  }, pid);
  rows.push({ game: id, how: 'gRPC stream, 1 env', ...single, bytesPerStep: bytes });
  await env.close();
  for (const [w, transport] of [[1, 'full'], [2, 'full'], [2, 'newest']] as const) {
    const vec = await stadium.makeVec(id, N, { kwargs: { ...KW, num_workers: w, frame_stack_transport: transport } });
    await vec.reset({ seed: 0 });
    let perStep = 0;
    const rate = await timed(N, async (i) => {
      const s = await vec.step(actions(N, i));
      perStep = (s.obs as Uint8Array).byteLength / N;
    }, pid);
    rows.push({ game: id, how: `gRPC stream, ${N} envs, ${w} worker${w > 1 ? 's' : ''}${transport === 'newest' ? ', newest frame only' : ''}`, ...rate, bytesPerStep: perStep });
    await vec.close();
  }
  stadium.close();
  return rows;
}

const server = await spawnServer(['--port', '0', '--rom-dir', ROMS]);
const rows: Row[] = [];
try {
  for (const id of ['ALE/Pong-v5', 'ALE/Gravitar-v5']) {
    rows.push(...(await inProcess(id)));
    rows.push(...(await overGrpc(id, `127.0.0.1:${server.port}`, server.proc.pid!)));
  }
} finally {
  await server.kill('SIGTERM');
}

console.log(`bench:atari — ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; ${SECONDS} s per row; ALE/*-v5 settings with preprocess (4 frames per step)`);
console.log('| game | how | steps/s | frames/s | vs 1 env in process | frames per CPU-s | obs bytes/step |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const base = rows.find((x) => x.game === r.game && x.how === 'in process, 1 env')!.stepsPerSec;
  const cells = [r.game, r.how, r.stepsPerSec.toFixed(0), (4 * r.stepsPerSec).toFixed(0), `${(r.stepsPerSec / base).toFixed(2)}x`, (4 * r.stepsPerCpuSec).toFixed(0), r.bytesPerStep ?? ''];
  console.log(`| ${cells.join(' | ')} |`);
}
