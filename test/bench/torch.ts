// `npm run bench:torch`: our libtorch binding against Python PyTorch on the same machine in the same run, for a
// Nature-DQN training step (batch 32: forward, Huber loss, backward, Adam), its batch-1 action selection, and a
// small MLP step where per-call overhead dominates. Prints ms per call and the ratio ours / PyTorch. The two
// sides take turns case by case, round after round, so load from other processes hits both alike; the best
// round of each is compared.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as torch from '../../agent-client/torch/index.js';
import { findPythonWithTorch } from '../torch/python.js';

const { nn, optim } = torch;
type Case = 'dqnStep' | 'dqnAct' | 'mlpStep';
/** Wall-clock and CPU milliseconds per call. */
type Sample = [wall: number, cpu: number];
type Timings = Record<Case, Sample>;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const script = resolve(repo, 'test', 'bench', 'torch.py');

function natureDqn(): torch.nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(4, 32, 8, { stride: 4 }), new nn.ReLU(),
    new nn.Conv2d(32, 64, 4, { stride: 2 }), new nn.ReLU(),
    new nn.Conv2d(64, 64, 3, { stride: 1 }), new nn.ReLU(),
    new nn.Flatten(), new nn.Linear(3136, 512), new nn.ReLU(), new nn.Linear(512, 6),
  );
}

function perCallMs(fn: () => void, seconds: number): Sample {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (;;) {
    fn();
    n++;
    const elapsed = performance.now() - start;
    if (elapsed >= seconds * 1000 && n >= 5) {
      const cpu = process.cpuUsage(cpuStart);
      return [elapsed / n, (cpu.user + cpu.system) / 1000 / n];
    }
  }
}

function ourCases(): { cases: Record<Case, () => void>; dispose: () => void } {
  torch.manualSeed(0);
  const net = natureDqn();
  const opt = new optim.Adam(net.parameters(), { lr: 1e-4 });
  const frames = torch.keep(torch.randint(0, 256, [32, 4, 84, 84], { dtype: 'uint8' }));
  const actions = torch.keep(torch.randint(0, 6, [32, 1]));
  const targets = torch.keep(torch.randn([32, 1]));
  const frame = torch.keep(frames.slice(0, 0, 1).clone());

  const dqnStep = () =>
    torch.tidy(() => {
      const q = net.forward(frames.float().div(255)).gather(1, actions);
      const loss = nn.smoothL1Loss(q, targets);
      opt.zeroGrad();
      loss.backward();
      opt.step();
    });
  const dqnAct = () => {
    torch.tidy(() => torch.noGrad(() => net.forward(frame.float().div(255)).argmax(1).item()));
  };

  const small = new nn.Sequential(new nn.Linear(4, 128), new nn.ReLU(), new nn.Linear(128, 128), new nn.ReLU(), new nn.Linear(128, 2));
  const smallOpt = new optim.Adam(small.parameters(), { lr: 1e-3 });
  const x = torch.keep(torch.randn([32, 4]));
  const y = torch.keep(torch.randn([32, 2]));
  const mlpStep = () =>
    torch.tidy(() => {
      const loss = nn.smoothL1Loss(small.forward(x), y);
      smallOpt.zeroGrad();
      loss.backward();
      smallOpt.step();
    });

  const dispose = () => {
    for (const t of [frames, actions, targets, frame, x, y]) t.dispose();
    for (const d of [net, small, opt, smallOpt]) d.dispose();
  };
  return { cases: { dqnStep, dqnAct, mlpStep }, dispose };
}

/** The Python side as a child process answering "CASE SECONDS" lines with ms per call. */
async function startPython(python: string, threads: number) {
  const child = spawn(python, ['-P', script, String(threads)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the Python benchmark exited early');
    return value as string;
  };
  const hello = JSON.parse(await next()) as { threads: number; version: string };
  return {
    hello,
    async measure(c: Case): Promise<Sample> {
      child.stdin.write(`${c} ${SECONDS}\n`);
      return JSON.parse(await next()) as Sample;
    },
    stop: () => child.stdin.end(),
  };
}

const CASES: [Case, string][] = [
  ['dqnStep', 'Nature DQN train step, batch 32'],
  ['dqnAct', 'Nature DQN forward, batch 1'],
  ['mlpStep', 'MLP 4-128-128-2 train step, batch 32'],
];

const threads = Number(process.env.BENCH_THREADS ?? torch.getNumThreads());
torch.setNumThreads(threads);
const pythonPath = findPythonWithTorch();
const python = pythonPath ? await startPython(pythonPath, threads) : null;
console.log(
  `ours: libtorch ${torch.libtorchVersion()} through N-API; baseline: ${python ? `PyTorch ${python.hello.version} (${pythonPath})` : 'none (no python3 with torch found)'}`,
);
console.log(`${threads} thread(s) each, ${ROUNDS} interleaved rounds of ${SECONDS} s per case and side, best round shown`);

const ours = createTimings();
const theirs = createTimings();
const { cases, dispose } = ourCases();
for (let r = 0; r < ROUNDS; r++) {
  for (const [c] of CASES) {
    if (python) theirs[c] = best(theirs[c], await python.measure(c));
    ours[c] = best(ours[c], perCallMs(cases[c], SECONDS));
  }
}
python?.stop();
dispose();

// CPU time is the steadier figure on a loaded machine (waiting for a core does not count), wall time the one
// that matters when the machine is free; each side reports both, and the best round of each is kept.
console.log('| case | ours (ms) | PyTorch (ms) | ours / PyTorch | ours CPU (ms) | PyTorch CPU (ms) | CPU ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [c, label] of CASES) {
  const cells = [0, 1].flatMap((k) => {
    const o = ours[c][k];
    const p = theirs[c][k];
    return python ? [o.toFixed(3), p.toFixed(3), `${(o / p).toFixed(2)}x`] : [o.toFixed(3), 'n/a', 'n/a'];
  });
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}

function best(a: Sample, b: Sample): Sample {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
}

function createTimings(): Timings {
  return { dqnStep: [Infinity, Infinity], dqnAct: [Infinity, Infinity], mlpStep: [Infinity, Infinity] };
}
