// The figures scripts/gpu-check.sh reports after its training run, read from its results folder:
//   node dist/test/bench/gpu-check-summary.js RESULTS_DIR DEVICE MINUTES
// reads RESULTS_DIR/run/metrics.jsonl (the run log: one line per episode and per logging interval) and
// RESULTS_DIR/memory.tsv (seconds, what, MiB: sampled while training), prints steps/s, peak memory, the return
// curve and the time to each return threshold, and writes them to summary.json and curve.tsv beside them.
// A threshold counts as reached at the first episode where the mean return of the last 100 episodes (a full
// window, as "Pong solved" is defined) is at least that value.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const THRESHOLDS = [-15, 0, 19];
const WINDOW = 100;
const CURVE_ROWS = 20;

interface Line {
  step: number;
  time: number;
  [key: string]: number;
}

export interface Summary {
  device: string;
  minutes: number;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  /** Env steps per second over the last minute of the run (after warm-up and replay filling). */
  stepsPerSecondLastMinute: number | null;
  episodes: number;
  memory: { what: string; peakMiB: number; samples: number } | null;
  finalMean100: number | null;
  thresholds: { return: number; seconds: number | null; step: number | null; episode: number | null }[];
}

function readLines(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

function main(): void {
  const [dir, device, minutesArg] = process.argv.slice(2);
  if (!dir || !device || !minutesArg) {
    process.stderr.write('usage: gpu-check-summary RESULTS_DIR DEVICE MINUTES\n');
    process.exit(2);
  }
  // Training lines only: the greedy evaluation after training logs its mean return with the time it finished.
  const lines = readLines(join(dir, 'run', 'metrics.jsonl')).filter((l) => !Object.keys(l).some((k) => k.startsWith('eval/')));
  const episodes = lines.filter((l) => 'episode/return' in l);
  const last = lines.at(-1);
  const steps = last?.step ?? 0;
  const seconds = last?.time ?? 0;
  const lastMinute = lines.filter((l) => l.time >= seconds - 60);
  const span = lastMinute.length > 1 ? lastMinute.at(-1)!.time - lastMinute[0].time : 0;

  const recent: number[] = [];
  const curve: string[] = ['seconds\tstep\tepisode\treturn\tmean100'];
  const thresholds: Summary['thresholds'] = THRESHOLDS.map((r) => ({ return: r, seconds: null, step: null, episode: null }));
  episodes.forEach((e, i) => {
    recent.push(e['episode/return']);
    if (recent.length > WINDOW) recent.shift();
    const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
    curve.push(`${e.time.toFixed(1)}\t${e.step}\t${i + 1}\t${e['episode/return']}\t${mean.toFixed(3)}`);
    if (recent.length < WINDOW) return;
    for (const t of thresholds) {
      if (t.seconds === null && mean >= t.return) Object.assign(t, { seconds: e.time, step: e.step, episode: i + 1 });
    }
  });

  const memoryFile = join(dir, 'memory.tsv');
  let memory: Summary['memory'] = null;
  if (existsSync(memoryFile)) {
    const rows = readFileSync(memoryFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('\t'));
    if (rows.length) memory = { what: rows[0][1], peakMiB: Math.max(...rows.map((r) => Number(r[2]))), samples: rows.length };
  }

  const summary: Summary = {
    device,
    minutes: Number(minutesArg),
    steps,
    seconds,
    stepsPerSecond: seconds > 0 ? steps / seconds : 0,
    stepsPerSecondLastMinute: span > 0 ? (lastMinute.at(-1)!.step - lastMinute[0].step) / span : null,
    episodes: episodes.length,
    memory,
    finalMean100: episodes.length ? Number(curve.at(-1)!.split('\t')[4]) : null,
    thresholds,
  };
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  writeFileSync(join(dir, 'curve.tsv'), curve.join('\n') + '\n');

  const out: string[] = [];
  out.push(`device ${device}, ${summary.minutes} min budget: ${steps} env steps in ${seconds.toFixed(1)} s, ${episodes.length} episodes`);
  out.push(`steps/s: ${summary.stepsPerSecond.toFixed(1)} over the run, ${summary.stepsPerSecondLastMinute?.toFixed(1) ?? '-'} over its last minute`);
  out.push(memory ? `memory: peak ${memory.peakMiB} MiB (${memory.what}, ${memory.samples} samples)` : 'memory: not sampled');
  out.push('return curve (mean of the last 100 episodes, fewer before the 100th):');
  out.push('   seconds      step  episode   mean100');
  const rows = curve.slice(1);
  const every = Math.max(1, Math.ceil(rows.length / CURVE_ROWS));
  rows.forEach((r, i) => {
    if (i % every !== every - 1 && i !== rows.length - 1) return;
    const [s, step, ep, , m] = r.split('\t');
    out.push(`${s.padStart(10)}${step.padStart(10)}${ep.padStart(9)}${m.padStart(10)}`);
  });
  for (const t of thresholds) {
    out.push(t.seconds === null
      ? `time to mean100 >= ${t.return}: not reached`
      : `time to mean100 >= ${t.return}: ${t.seconds.toFixed(1)} s (step ${t.step}, episode ${t.episode})`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
