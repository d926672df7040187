// The learning-curve plot against a hand-written metrics.jsonl: one point per episode in each panel, the mean of
// the last 100 on the same scale as the episodes, the last point at the right edge, reference lines labelled.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { curveSvg, readCurve } from '../../test/bench/plot-learning.js';
import { tempDir } from './support.js';

t.test('episodes of metrics.jsonl become two panels (env steps, minutes) with reference lines', (t) => {
  const dir = tempDir(t);
  const lines = [
    { step: 0, time: 1, 'train/loss': 0.5 },
    { step: 900, time: 30, 'episode/return': -21, 'episode/length': 900, 'episode/return_mean100': -21 },
    { step: 1500, time: 60, 'train/loss': 0.4 },
    { step: 2000, time: 120, 'episode/return': -19, 'episode/length': 1100, 'episode/return_mean100': -20 },
  ];
  writeFileSync(join(dir, 'metrics.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const curve = readCurve(dir);
  t.same(curve, [{ step: 900, time: 30, mean100: -21, ret: -21 }, { step: 2000, time: 120, mean100: -20, ret: -19 }]);
  const svg = curveSvg(curve, 'a <run>', [[-15, 'CPU bar']]);
  const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1].split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number)));
  t.equal(paths.length, 4, 'episode and mean(100) lines in each panel');
  t.ok(paths.every((p) => p.length === 2), 'one point per episode');
  // Steps panel: x from 52 (step 0) to 408 (the last step, 2000); step 900 sits at 52 + 0.45·356.
  t.same(paths[0].map(([x]) => x), [52 + 0.45 * 356, 408].map((x) => Number(x.toFixed(1))));
  // Minutes panel, offset by 420: the last episode (2 minutes) at its right edge.
  t.equal(paths[2][1][0], 420 + 408);
  // y: the reference −15 is the top of the data, −21 the bottom; padding 5% of the range (0.3) each side.
  const py = (v: number) => 28 + (1 - (v + 21.3) / 6.6) * 212;
  t.equal(paths[0][0][1], Number(py(-21).toFixed(1)));
  t.match(svg, /CPU bar \(-15\)/);
  t.match(svg, /a &lt;run>/, 'the title is escaped');
  t.throws(() => curveSvg([], 'empty'), /no finished episodes/);
  t.end();
});
