// The curve store: exact while it has room, then pairwise merges (hand-computed below) that keep the mean, and
// deltas by insertion number that stay correct across merges.

import t from 'tap';
import { Series } from '../../env-server/viewer/series.js';

const pts = (s: Series, seq = 0) => s.since(seq).map((p) => [p.seq, p.x, p.y]);

t.test('exact until full', async (t) => {
  const s = new Series(4);
  for (let i = 1; i <= 4; i++) s.push(i, i * 10);
  t.same(pts(s), [[1, 1, 10], [2, 2, 20], [3, 3, 30], [4, 4, 40]]);
  t.same(pts(s, 2), [[3, 3, 30], [4, 4, 40]], 'only the points after a mark');
});

t.test('merges in pairs as it grows', async (t) => {
  const s = new Series(4);
  for (let i = 1; i <= 5; i++) s.push(i, i);
  // Full at 4: (1,2) -> x 2, y 1.5; (3,4) -> x 4, y 3.5; the 5th waits for a partner.
  t.same(pts(s), [[2, 2, 1.5], [4, 4, 3.5]]);
  s.push(6, 6);
  t.same(pts(s), [[2, 2, 1.5], [4, 4, 3.5], [6, 6, 5.5]], 'later points arrive averaged over two');
  for (let i = 7; i <= 10; i++) s.push(i, i);
  // (7,8) -> 7.5 fills it; 9 and 10 wait, forcing ([1.5, 3.5] -> 2.5, [5.5, 7.5] -> 6.5), stride 4.
  t.same(pts(s), [[4, 4, 2.5], [8, 8, 6.5]]);
  t.equal(s.count, 10);
  t.same(pts(s, 6), [[8, 8, 6.5]], 'a viewer that had point 6 gets only what came after it');
  t.same(pts(s, 8), []);
});

t.test('bad capacity', async (t) => {
  t.throws(() => new Series(3), /even integer >= 2, got 3/);
  t.throws(() => new Series(0), /got 0/);
});
