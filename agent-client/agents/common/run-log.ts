// What a training run reports: a progress line (steps/s, mean return of the last 100 episodes, ε, loss) on
// stderr, and every episode's and every logging interval's numbers in metrics.jsonl and TensorBoard events.

import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventWriter } from '../../tensorboard/event-writer.js';
import type { Episode } from './loop.js';
import { mean } from './loop.js';

export class RunLog {
  private readonly events: EventWriter | null;
  private readonly jsonl: string | null;
  private readonly recent: number[] = [];
  private started = Date.now();
  private lastDraw = 0;
  private lastSteps = 0;
  private lastTime = Date.now();
  private rate = 0;
  episodes = 0;
  /** Also receives everything written (the server's ReportMetrics, for the live viewer). */
  sink: ((step: number, values: Record<string, number>) => void) | null = null;

  /** `runDir` null: progress only; `progress` null: no progress line. */
  constructor(
    readonly runDir: string | null,
    private readonly totalSteps: number,
    private readonly progress: NodeJS.WriteStream | null = process.stderr,
  ) {
    if (runDir) {
      mkdirSync(runDir, { recursive: true });
      this.jsonl = join(runDir, 'metrics.jsonl');
      this.events = new EventWriter(join(runDir, 'tensorboard'));
    } else {
      this.jsonl = null;
      this.events = null;
    }
  }

  /**
   * Continues the log of a run resumed from a checkpoint taken at env step `step`: rows written after it (training
   * the checkpoint does not hold) are dropped from metrics.jsonl, the wall clock goes on from the checkpoint's, and
   * the mean of the last 100 episodes starts from the episodes before it, so curves and the stop-at-return test
   * carry on as if the run had not stopped.
   */
  resume(step: number): void {
    this.lastSteps = step;
    if (!this.jsonl || !existsSync(this.jsonl)) return;
    const kept: string[] = [];
    let time = 0;
    for (const line of readFileSync(this.jsonl, 'utf8').split('\n')) {
      if (!line) continue;
      let row: { step?: unknown; time?: unknown; 'episode/return'?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        continue; // a line cut short when the run stopped
      }
      if (typeof row.step !== 'number' || row.step > step) continue;
      kept.push(line);
      if (typeof row.time === 'number') time = row.time;
      if (typeof row['episode/return'] === 'number') {
        this.recent.push(row['episode/return']);
        if (this.recent.length > 100) this.recent.shift();
      }
    }
    writeFileSync(this.jsonl, kept.length ? kept.join('\n') + '\n' : '');
    this.started = Date.now() - time * 1000;
  }

  get meanReturn(): number {
    return mean(this.recent);
  }

  episode(e: Episode): void {
    this.episodes++;
    this.recent.push(e.return);
    if (this.recent.length > 100) this.recent.shift();
    this.write(e.step, { 'episode/return': e.return, 'episode/length': e.length, 'episode/return_mean100': this.meanReturn });
  }

  /** Training statistics, logged at most every `everyMs` (and the progress line redrawn). */
  tick(step: number, metrics: Record<string, number>, everyMs = 1000): void {
    const now = Date.now();
    if (now - this.lastDraw < everyMs) return;
    this.rate = ((step - this.lastSteps) * 1000) / Math.max(1, now - this.lastTime);
    this.lastSteps = step;
    this.lastTime = now;
    this.lastDraw = now;
    this.write(step, { ...Object.fromEntries(Object.entries(metrics).map(([k, v]) => [`train/${k}`, v])), 'train/steps_per_second': this.rate });
    this.draw(step, metrics);
  }

  write(step: number, values: Record<string, number>): void {
    if (this.jsonl) appendFileSync(this.jsonl, JSON.stringify({ step, time: (Date.now() - this.started) / 1000, ...values }) + '\n');
    this.events?.scalars(step, values);
    this.sink?.(step, values);
  }

  private draw(step: number, metrics: Record<string, number>): void {
    if (!this.progress) return;
    const width = 24;
    const done = Math.min(1, step / this.totalSteps);
    const bar = '█'.repeat(Math.round(done * width)).padEnd(width, '░');
    const fmt = (v: number | undefined, d: number) => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(d));
    const extra = Object.entries(metrics)
      .filter(([k]) => k !== 'epsilon' && k !== 'loss')
      .map(([k, v]) => `${k} ${fmt(v, 3)}`)
      .join(' ');
    const line = `${bar} ${step}/${this.totalSteps} ${this.rate.toFixed(0)} steps/s | return(100) ${fmt(this.meanReturn, 2)} | ε ${fmt(metrics.epsilon, 3)} | loss ${fmt(metrics.loss, 4)}${extra ? ' | ' + extra : ''}`;
    if (this.progress.isTTY) this.progress.write(`\r\x1b[2K${line}`);
    else this.progress.write(line + '\n');
  }

  /** Ends the progress line. */
  close(): void {
    if (this.progress?.isTTY) this.progress.write('\n');
  }
}
