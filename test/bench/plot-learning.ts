// Learning curves from a run dir's metrics.jsonl as an SVG file (no browser, no plotting library): the mean return
// of the last 100 episodes against env steps and against wall time, side by side, with horizontal reference lines.
//   node dist/test/bench/plot-learning.js RUN_DIR OUT.svg [--title T] [--ref VALUE=LABEL …]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface CurvePoint {
  step: number;
  /** Seconds since the run started. */
  time: number;
  mean100: number;
  ret: number;
}

/** Every episode of a run: its step, time, return and the mean of the last 100 returns. */
export function readCurve(runDir: string): CurvePoint[] {
  return readFileSync(join(runDir, 'metrics.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('episode/return_mean100'))
    .map((l) => JSON.parse(l) as Record<string, number>)
    .map((r) => ({ step: r.step, time: r.time, mean100: r['episode/return_mean100'], ret: r['episode/return'] }));
}

const W = 420;
const H = 280;
const M = { left: 52, right: 12, top: 28, bottom: 40 };

/** Round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const fmt = (v: number) => (Math.abs(v) >= 1e6 ? `${v / 1e6}M` : Math.abs(v) >= 1e3 ? `${v / 1e3}k` : String(v));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function panel(points: CurvePoint[], x: (p: CurvePoint) => number, xLabel: string, refs: [number, string][], dx: number): string {
  const xs = points.map(x);
  const ys = points.flatMap((p) => [p.ret, p.mean100]).concat(refs.map(([v]) => v));
  const [x0, x1] = [0, Math.max(1e-9, ...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const pad = (y1 - y0) * 0.05 || 1;
  const [lo, hi] = [y0 - pad, y1 + pad];
  const px = (v: number) => dx + M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const out: string[] = [];
  for (const t of ticks(x0, x1)) out.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/><text x="${px(t)}" y="${H - M.bottom + 14}" text-anchor="middle">${fmt(t)}</text>`);
  for (const t of ticks(lo, hi)) out.push(`<line x1="${dx + M.left}" x2="${dx + W - M.right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/><text x="${dx + M.left - 4}" y="${py(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
  out.push(`<rect x="${dx + M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#999"/>`);
  for (const [v, label] of refs) out.push(`<line x1="${dx + M.left}" x2="${dx + W - M.right}" y1="${py(v)}" y2="${py(v)}" stroke="#c33" stroke-dasharray="4 3"/><text x="${dx + W - M.right - 2}" y="${py(v) - 3}" text-anchor="end" fill="#c33">${esc(label)} (${v})</text>`);
  const path = (f: (p: CurvePoint) => number) => points.map((p, i) => `${i ? 'L' : 'M'}${px(x(p)).toFixed(1)},${py(f(p)).toFixed(1)}`).join('');
  out.push(`<path d="${path((p) => p.ret)}" fill="none" stroke="#9bc" stroke-width="0.6"/>`);
  out.push(`<path d="${path((p) => p.mean100)}" fill="none" stroke="#135" stroke-width="1.6"/>`);
  out.push(`<text x="${dx + (M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">${esc(xLabel)}</text>`);
  return out.join('\n');
}

/** Two panels: return against env steps and against wall-clock minutes; episodes thin, mean of 100 bold. */
export function curveSvg(points: CurvePoint[], title: string, refs: [number, string][] = []): string {
  if (!points.length) throw new RangeError('no finished episodes to plot');
  const byMinutes = (p: CurvePoint) => p.time / 60;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${2 * W}" height="${H}" fill="white"/>`,
    `<text x="${W}" y="16" text-anchor="middle" font-size="13">${esc(title)}</text>`,
    panel(points, (p) => p.step, 'env steps', refs, 0),
    panel(points, byMinutes, 'wall time (minutes)', refs, W),
    `<text x="${M.left + 4}" y="${M.top + 12}" fill="#135">mean return of the last 100 episodes</text>`,
    `<text x="${M.left + 4}" y="${M.top + 25}" fill="#7ab">episode return</text>`,
    '</svg>',
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { title: { type: 'string' }, ref: { type: 'string', multiple: true, default: [] } } });
  const [runDir, out] = positionals;
  if (!runDir || !out) {
    process.stderr.write('usage: plot-learning RUN_DIR OUT.svg [--title T] [--ref VALUE=LABEL …]\n');
    process.exit(2);
  }
  const refs = values.ref!.map((r): [number, string] => {
    const eq = r.indexOf('=');
    const v = Number(eq < 0 ? r : r.slice(0, eq));
    if (!Number.isFinite(v)) {
      process.stderr.write(`--ref takes VALUE=LABEL with a number VALUE, got '${r}'\n`);
      process.exit(2);
    }
    return [v, eq < 0 ? '' : r.slice(eq + 1)];
  });
  writeFileSync(out, curveSvg(readCurve(runDir), values.title ?? runDir, refs));
  process.stdout.write(`wrote ${out}\n`);
}
