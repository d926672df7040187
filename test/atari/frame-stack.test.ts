// frame_stack_transport 'newest' + the client's FrameStacker rebuild exactly the stacks the 'full' transport sends,
// through resets and NEXT_STEP autoresets, over a real server.

import t from 'tap';
import { FrameStacker } from '../../agent-client/frame-stack.js';
import { startServer } from '../support/server.js';
import { atariRegistry, romSkip } from './shared.js';

t.test('the newest-frame transport with FrameStacker equals the full stacks, across autoresets', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const { connect } = await startServer(t, reg);
  const stadium = connect();
  // A short frame limit makes episodes end (and autoreset) within the run.
  const kw = { preprocess: true, max_num_frames_per_episode: 60, num_workers: 2 };
  const full = await stadium.makeVec('ALE/Pong-v5', 2, { kwargs: kw });
  const newest = await stadium.makeVec('ALE/Pong-v5', 2, { kwargs: { ...kw, frame_stack_transport: 'newest' } });
  t.equal(String(newest.singleObservationSpace), 'Box(0, 255, (84,84), uint8)');
  const stacker = new FrameStacker(2, 4, 84 * 84);
  const a = await full.reset({ seed: 9 });
  const b = await newest.reset({ seed: 9 });
  t.same(stacker.reset(b.obs as Uint8Array), a.obs, 'reset stacks');
  let ends = 0;
  let same = true;
  for (let s = 0; s < 30; s++) {
    const x = await full.step([s % 6, (s + 1) % 6]);
    const y = await newest.step([s % 6, (s + 1) % 6]);
    const rebuilt = stacker.step(y.obs as Uint8Array, y.terminated, y.truncated);
    same &&= Buffer.compare(Buffer.from(rebuilt as Uint8Array), Buffer.from(x.obs as Uint8Array)) === 0 || t.fail(`step ${s}: stacks differ`);
    ends += x.truncated.filter(Boolean).length;
  }
  t.ok(same, '30 steps of identical stacks');
  t.ok(ends >= 2, `episodes ended and were autoreset (${ends} ends)`);
  await full.close();
  await newest.close();
});

t.test('asynchronous rows are stacked per env id', async (t) => {
  const s = new FrameStacker(3, 2, 1);
  t.same(Array.from(s.reset(Uint8Array.of(10, 20, 30))), [10, 10, 20, 20, 30, 30]);
  t.same(Array.from(s.step(Uint8Array.of(31, 11), [true, false], [false, false], [2, 0])), [30, 31, 10, 11]);
  t.same(Array.from(s.step(Uint8Array.of(40), [false], [false], [2])), [40, 40], 'copy 2 ended on its last result, so this frame starts a new stack');
  t.same(Array.from(s.step(Uint8Array.of(21), [false], [false], [1])), [20, 21]);
});
