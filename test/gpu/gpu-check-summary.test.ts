// The GPU check's summary on a made-up run whose figures are worked out by hand: 100 episodes at -21 (but the
// first at +21, which a mean over fewer than 100 episodes would count as solved), then episodes at +21, one every
// 2 s and 1000 env steps. With k episodes past the 100th the window mean is -21 + 0.42 k, so it first reaches
// -15 at k = 15 (episode 115), 0 at k = 50 (episode 150) and 19 at k = 96 (episode 196).
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Summary } from '../bench/gpu-check-summary.js';

const summaryScript = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'gpu-check-summary.js');

t.test('thresholds need a full 100-episode window; steps/s leaves out the evaluation', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gpu-summary-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'run'));
  const lines: string[] = [];
  for (let i = 1; i <= 200; i++) {
    const ret = i === 1 || i > 100 ? 21 : -21;
    lines.push(JSON.stringify({ step: i * 1000, time: i * 2, 'episode/return': ret, 'episode/length': 1000 }));
    lines.push(JSON.stringify({ step: i * 1000, time: i * 2, 'train/loss': 0.1, 'train/steps_per_second': 500 }));
  }
  // The greedy evaluation after training ends 100 s later without env steps of training.
  lines.push(JSON.stringify({ step: 200_000, time: 500, 'eval/return_mean': 21 }));
  writeFileSync(join(dir, 'run', 'metrics.jsonl'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'memory.tsv'), ['10\tGPU memory used\t1000', '12\tGPU memory used\t3000', '14\tGPU memory used\t2500'].join('\n') + '\n');

  const printed = execFileSync(process.execPath, [summaryScript, dir, 'cuda', '7'], { encoding: 'utf8' });
  const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
  t.same(s.thresholds, [
    { return: -15, seconds: 230, step: 115_000, episode: 115 },
    { return: 0, seconds: 300, step: 150_000, episode: 150 },
    { return: 19, seconds: 392, step: 196_000, episode: 196 },
  ]);
  t.equal(s.steps, 200_000);
  t.equal(s.seconds, 400);
  t.equal(s.stepsPerSecond, 500, '200000 steps in 400 s, the evaluation not counted');
  t.equal(s.stepsPerSecondLastMinute, 500);
  t.equal(s.episodes, 200);
  t.equal(s.finalMean100, 21);
  t.same(s.memory, { what: 'GPU memory used', peakMiB: 3000, samples: 3 });
  t.equal(s.minutes, 7);
  t.match(printed, /time to mean100 >= 19: 392\.0 s \(step 196000, episode 196\)/);
  t.match(printed, /memory: peak 3000 MiB/);
  const curve = readFileSync(join(dir, 'curve.tsv'), 'utf8').trim().split('\n');
  t.equal(curve.length, 201);
  t.equal(curve[150], '300.0\t150000\t150\t21\t0.000', 'the row of episode 150: mean exactly 0');
  t.end();
});

t.test('a run without episodes yet says so rather than failing', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gpu-summary-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const printed = execFileSync(process.execPath, [summaryScript, dir, 'cpu', '0.25'], { encoding: 'utf8' });
  const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
  t.equal(s.episodes, 0);
  t.equal(s.finalMean100, null);
  t.equal(s.memory, null);
  t.same(s.thresholds.map((x) => x.seconds), [null, null, null]);
  t.match(printed, /memory: not sampled/);
  t.match(printed, /time to mean100 >= -15: not reached/);
  t.end();
});
