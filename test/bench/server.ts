// npm run bench:server — CartPole stepping on loopback: in-process (the ceiling), over unary RPCs and over the
// Session stream with p50/p99 latency, each beside a bare grpc-js echo of the same payload sizes measured in the
// same run; and a 1024-copy vector session over the stream beside the same 1024 envs stepped in-process.
// The server runs in a child process, as it would on its own box.

import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { credentials, type Client } from '@grpc/grpc-js';
import { Stadium } from '../../agent-client/client.js';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { packageDefinition } from '../../proto/load.js';
import { valueToProto } from '../../proto/codec.js';
import { tensor } from '../../proto/tensor.js';
import { EchoClient } from './echo.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 8;
const VECTOR = 1024;

interface Row {
  name: string;
  perSec: number;
  unit: string;
  p50?: number;
  p99?: number;
  baseline?: string;
  ratio?: number;
}

interface Stats {
  perSec: number;
  p50: number;
  p99: number;
}

/**
 * Runs `a` and `b` back to back in alternating rounds (ROUNDS rounds, SECONDS in all for each) after a warm-up,
 * recording each call's latency: alternating makes both see the same load on a shared, noisy machine.
 */
async function compare(a: () => unknown, b: () => unknown, perCallA = 1, perCallB = 1): Promise<[Stats, Stats]> {
  const fns = [a, b];
  const lat: number[][] = [[], []];
  const busy = [0, 0];
  for (const f of fns) {
    const warmEnd = performance.now() + 300;
    while (performance.now() < warmEnd) await f();
  }
  const roundMs = (SECONDS * 1000) / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < 2; k++) {
      const start = performance.now();
      const end = start + roundMs;
      let now = start;
      while (now < end) {
        const t0 = now;
        await fns[k]();
        now = performance.now();
        lat[k].push(now - t0);
      }
      busy[k] += now - start;
    }
  }
  return [0, 1].map((k) => {
    const l = lat[k].sort((x, y) => x - y);
    const per = k === 0 ? perCallA : perCallB;
    return { perSec: (l.length * per) / (busy[k] / 1000), p50: l[Math.floor(l.length * 0.5)] * 1000, p99: l[Math.floor(l.length * 0.99)] * 1000 };
  }) as [Stats, Stats];
}

function payloadSizes(): { request: number; response: number } {
  const step = packageDefinition['stadium.v1.Environments'] as Record<string, { requestSerialize(m: unknown): Buffer; responseSerialize(m: unknown): Buffer }>;
  const request = step.Step.requestSerialize({ sessionId: '00000000-0000-4000-8000-000000000000', action: valueToProto(tensor('int64', [], [1])) }).length;
  const response = step.Step.responseSerialize({
    observation: valueToProto(tensor('float32', [4], [0.01, 0.2, -0.03, -0.25])),
    reward: [1],
    terminated: [false],
    truncated: [false],
    infos: [{ keys: [], values: [] }],
  }).length;
  return { request, response };
}

async function startChild(replyBytes: number) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./server-child.js', import.meta.url)), String(replyBytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { child, ...(JSON.parse(line) as { stadiumPort: number; echoPort: number }) };
}

function inProcess(n: number) {
  const reg = defaultRegistry();
  const envs = Array.from({ length: n }, (_, i) => {
    const e = reg.make('CartPole-v1', {});
    e.reset(i);
    return e;
  });
  return () => {
    for (const e of envs) {
      const r = e.step(Math.random() < 0.5 ? 0 : 1);
      if (r.terminated || r.truncated) e.reset();
    }
  };
}

async function main() {
  const sizes = payloadSizes();
  const { child, stadiumPort, echoPort } = await startChild(sizes.response);
  const rows: Row[] = [];
  try {
    const echo = new EchoClient(`127.0.0.1:${echoPort}`, credentials.createInsecure()) as Client & Record<string, Function>;
    const reqBuf = Buffer.alloc(sizes.request, 1);
    const echoUnary = () => new Promise((resolve, reject) => echo.Unary(reqBuf, (err: Error | null, r: Buffer) => (err ? reject(err) : resolve(r))));
    const echoStream = echo.Stream();
    let pendingEcho: ((b: Buffer) => void) | null = null;
    echoStream.on('data', (b: Buffer) => pendingEcho?.(b));
    const echoStreamed = () =>
      new Promise((resolve) => {
        pendingEcho = resolve;
        echoStream.write(reqBuf);
      });

    const stadium = Stadium.connect(`127.0.0.1:${stadiumPort}`);
    const ceiling = inProcess(1);
    for (const transport of ['unary', 'stream'] as const) {
      const env = await stadium.make('CartPole-v1', { transport });
      await env.reset({ seed: 0 });
      const [base, r] = await compare(transport === 'unary' ? echoUnary : echoStreamed, async () => {
        const s = await env.step(Math.random() < 0.5 ? 0 : 1);
        if (s.terminated || s.truncated) await env.reset();
      });
      if (transport === 'unary') {
        const [single] = await compare(ceiling, ceiling);
        rows.push({ name: 'in-process, one env (ceiling; timer-bound)', perSec: single.perSec, unit: 'steps/s' });
      }
      rows.push({ name: `bare grpc-js echo, ${transport}`, perSec: base.perSec, unit: 'calls/s', p50: base.p50, p99: base.p99 });
      rows.push({ name: `Stadium step, ${transport}`, perSec: r.perSec, unit: 'steps/s', p50: r.p50, p99: r.p99, baseline: `echo ${transport} p50`, ratio: r.p50 / base.p50 });
      await env.close();
    }
    echoStream.end();

    // The same copies held in the server's process (num_workers 0, the default for classic envs) and on its worker
    // pool (stepped by every core, as EnvPool does), each against the same envs stepped one by one in this process.
    const actions = new Array<number>(VECTOR);
    for (const workers of [0, availableParallelism()]) {
      const vec = await stadium.makeVec('CartPole-v1', VECTOR, { kwargs: workers ? { num_workers: workers } : {} });
      await vec.reset({ seed: 0 });
      const [vecIn, vecR] = await compare(
        inProcess(VECTOR),
        async () => {
          for (let i = 0; i < VECTOR; i++) actions[i] = Math.random() < 0.5 ? 0 : 1;
          await vec.step(actions);
        },
        VECTOR,
        VECTOR,
      );
      const how = workers ? `on the server's pool (num_workers ${workers})` : 'in the server process';
      rows.push({ name: `${VECTOR} CartPoles in-process (this process, one by one)`, perSec: vecIn.perSec, unit: 'env-steps/s', p50: vecIn.p50, p99: vecIn.p99 });
      rows.push({ name: `${VECTOR} CartPoles, vector session over stream, ${how}`, perSec: vecR.perSec, unit: 'env-steps/s', p50: vecR.p50, p99: vecR.p99, baseline: 'in-process throughput', ratio: vecR.perSec / vecIn.perSec });
      await vec.close();
    }
    stadium.close();
    echo.close();
  } finally {
    child.kill();
  }

  console.log(`\nbench:server — CartPole-v1 on loopback, ${SECONDS} s per row in ${ROUNDS} alternating rounds, payloads: request ${sizes.request} B, response ${sizes.response} B`);
  console.log('| measurement | throughput | p50 µs | p99 µs | ratio |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const fmt = (x?: number) => (x === undefined ? '' : x.toFixed(0));
    console.log(`| ${r.name} | ${Math.round(r.perSec).toLocaleString('en-US')} ${r.unit} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x ${r.baseline}`} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
