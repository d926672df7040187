// npm run bench:python — the Python client (agent-client/python, pip-installed into a throwaway venv of Debian's
// python3) beside the TypeScript client, both stepping CartPole over the Session stream against one `stadium serve`
// child process: one env stepped request by request, and a 64-copy vector session. Rounds of the two clients
// alternate (ROUNDS rounds, BENCH_SECONDS in all for each), so both see the same load on a shared machine.

import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Stadium } from '../../agent-client/client.js';
import { spawnServer } from '../support/spawn-server.js';
import { REPO, installedClient, pythonSkip } from '../python/python.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 8;
const VECTOR = 64;

const skip = pythonSkip();
if (skip) {
  process.stderr.write(`bench:python: ${skip}\n`);
  process.exit(1);
}
const server = await spawnServer(['--port', '0', '--log-level', 'info']);
const address = `127.0.0.1:${server.port}`;
const venv = await installedClient();
const py = spawn(venv.python, [join(REPO, 'test', 'bench', 'python_client.py'), address], { stdio: ['pipe', 'pipe', 'inherit'] });
const answers = createInterface({ input: py.stdout! })[Symbol.asyncIterator]();
const pythonRound = async (name: string, seconds: number) => {
  py.stdin!.write(`${name} ${seconds}\n`);
  const { value } = await answers.next();
  return JSON.parse(value as string) as { steps: number; seconds: number };
};

const stadium = Stadium.connect(address);
const single = await stadium.make('CartPole-v1');
await single.reset({ seed: 0 });
const vec = await stadium.makeVec('CartPole-v1', VECTOR);
await vec.reset({ seed: 0 });
const zeros = new Array<number>(VECTOR).fill(0);
let t = 0;
const tsCases: Record<string, () => Promise<number>> = {
  single: async () => {
    t++;
    const r = await single.step(t & 1);
    if (r.terminated || r.truncated) await single.reset();
    return 1;
  },
  vector64: async () => {
    await vec.step(zeros);
    return VECTOR;
  },
};
const tsRound = async (name: string, seconds: number) => {
  const start = performance.now();
  const end = start + seconds * 1000;
  let steps = 0;
  while (performance.now() < end) steps += await tsCases[name]();
  return { steps, seconds: (performance.now() - start) / 1000 };
};

const rows: string[] = [];
try {
  for (const name of Object.keys(tsCases)) {
    await tsRound(name, 0.3);
    await pythonRound(name, 0.3);
    const total = { ts: { steps: 0, seconds: 0 }, py: { steps: 0, seconds: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [side, run] of [['ts', tsRound], ['py', pythonRound]] as const) {
        const r = await run(name, SECONDS / ROUNDS);
        total[side].steps += r.steps;
        total[side].seconds += r.seconds;
      }
    }
    const ts = total.ts.steps / total.ts.seconds;
    const pyRate = total.py.steps / total.py.seconds;
    rows.push(`| ${name === 'single' ? 'one env, a request per step' : `${VECTOR}-copy vector session`} | ${ts.toFixed(0)} | ${pyRate.toFixed(0)} | ${(pyRate / ts).toFixed(2)} |`);
  }
} finally {
  py.stdin!.end();
  await new Promise((resolve) => py.once('close', resolve));
  await single.close();
  await vec.close();
  stadium.close();
  await server.kill('SIGTERM');
  venv.remove();
}
process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); CartPole-v1 over the Session stream on loopback, env steps/s\n\n`);
process.stdout.write(['| case | TypeScript client | Python client | Python / TypeScript |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n');
