// Vector sessions on the worker pool: copy i behaves exactly as a single env seeded seed + i, whatever the number
// of workers; NEXT_STEP autoreset; EnvPool-style asynchronous batches over the wire. (Pool sessions over gRPC,
// watched and recorded, are cells of test/conformance.)

import t from 'tap';
import type { SessionBackend } from '../../env-server/backend/backend.js';
import { makeBackend } from '../../env-server/backend/choose.js';
import { type ValueMapMsg, type ValueMsg, valueFromProto, valueMapFromProto, valueToProto } from '../../proto/codec.js';
import { type Tensor, tensor } from '../../proto/tensor.js';
import { startServer } from '../support/server.js';
import { atariRegistry, fnv1a, romSkip } from './shared.js';

const N = 4;
const SIZE = 4 * 84 * 84;
const action = (step: number, env: number) => (step * 5 + env * 3) % 6;

function rows(pool: SessionBackend, seed: number, steps: number): string[][] {
  const out: string[][] = Array.from({ length: N }, () => []);
  const r = pool.reset(seed, undefined);
  for (let i = 0; i < N; i++) out[i].push(fnv1a((r.obs as Tensor).data.subarray(i * SIZE, (i + 1) * SIZE) as Uint8Array));
  for (let s = 0; s < steps; s++) {
    const x = pool.step(Array.from({ length: N }, (_, i) => action(s, i)));
    for (let i = 0; i < N; i++) out[i].push(`${fnv1a((x.obs as Tensor).data.subarray(i * SIZE, (i + 1) * SIZE) as Uint8Array)} ${x.reward[i]} ${x.terminated[i] === 1}`);
  }
  pool.close();
  return out;
}

t.test('1 and 2 workers give the same trajectories, each that of a single env seeded seed + i', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const kw = { preprocess: true };
  const one = rows(makeBackend(reg, 'ALE/Pong-v5', { ...kw, num_workers: 1 }, N, 0), 100, 40);
  const two = rows(makeBackend(reg, 'ALE/Pong-v5', { ...kw, num_workers: 2 }, N, 0), 100, 40);
  t.same(two, one, 'every copy, every step');
  for (const i of [0, 3]) {
    const env = reg.make('ALE/Pong-v5', kw);
    const single = [fnv1a(env.reset(100 + i).obs as Uint8Array)];
    for (let s = 0; s < 40; s++) {
      const x = env.step(action(s, i));
      single.push(`${fnv1a(x.obs as Uint8Array)} ${x.reward} ${x.terminated}`);
    }
    t.same(one[i], single, `copy ${i} = single env seeded ${100 + i}`);
  }
  t.not(one[0].join(), one[1].join(), 'copies differ (sticky actions and no-op starts are seeded per copy)');
});

t.test('NEXT_STEP autoreset: the step after an episode ends returns the reset with reward 0', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  // 40 frames = 10 steps of 4 frames: every copy is truncated on step 10.
  const pool = makeBackend(reg, 'ALE/Breakout-v5', { obs_type: 'ram', max_num_frames_per_episode: 40, num_workers: 2 }, 3, 0);
  t.teardown(() => pool.close());
  const r = pool.reset(7, undefined);
  t.same(r.infos.map((i) => Number(i.episode_frame_number)), [0, 0, 0]);
  for (let s = 1; s < 10; s++) t.strictSame([...pool.step([1, 1, 1]).truncated], [0, 0, 0]);
  const end = pool.step([1, 1, 1]);
  t.strictSame([...end.truncated], [1, 1, 1], 'truncated at frame 40');
  t.same(end.infos.map((i) => Number(i.episode_frame_number)), [40, 40, 40]);
  const next = pool.step([3, 3, 3]);
  t.strictSame([...next.reward], [0, 0, 0], 'reward 0 on the autoreset step');
  t.strictSame([[...next.terminated], [...next.truncated]], [[0, 0, 0], [0, 0, 0]]);
  t.same(next.infos.map((i) => Number(i.episode_frame_number)), [0, 0, 0], 'the action was not played: the copies are at frame 0 of a new episode');
  t.same(pool.step([0, 0, 0]).infos.map((i) => Number(i.episode_frame_number)), [4, 4, 4], 'and then go on');
});

t.test('asynchronous mode returns the first batch_size copies to finish, naming them', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const pool = makeBackend(reg, 'ALE/Pong-v5', { obs_type: 'ram', batch_size: 3, num_workers: 2 }, 8, 0);
  t.teardown(() => pool.close());
  const r = pool.reset(0, undefined);
  t.same((r.obs as Tensor).shape, [3, 128]);
  const seen = new Set<number>();
  let ids = r.infos.map((i) => Number(i.env_id));
  ids.forEach((i) => seen.add(i));
  for (let s = 0; s < 12; s++) {
    const x = pool.step([0, 1, 2]);
    t.equal(new Set(x.envIds).size, 3, 'three distinct copies');
    t.same(x.infos.map((i) => Number(i.env_id)), x.envIds, 'each info names its copy');
    x.envIds.forEach((i) => seen.add(i));
    ids = x.envIds;
  }
  t.equal(seen.size, 8, 'every copy comes back');
  t.throws(() => pool.step([0, 1]), /expected 3 actions/);
});

t.test('asynchronous batches over the wire: rows and env ids through the typed client', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const { connect } = await startServer(t, reg);
  const vec = await connect().makeVec('ALE/Pong-v5', 4, { kwargs: { obs_type: 'ram', batch_size: 2, num_workers: 2 } });
  t.equal(vec.batchSize, 2);
  const r = await vec.reset({ seed: 1 });
  t.equal((r.obs as Uint8Array).length, 2 * 128, 'reset returns batch_size rows');
  t.same(r.envIds, [0, 1]);
  const seen = new Set<number>();
  for (let s = 0; s < 6; s++) {
    const x = await vec.step([1, 2]);
    t.equal(x.rewards.length, 2);
    t.equal((x.obs as Uint8Array).length, 2 * 128);
    x.envIds.forEach((i) => seen.add(i));
  }
  t.same([...seen].sort(), [0, 1, 2, 3], 'every copy comes back, named by env_id');
  await t.rejects(vec.step([1, 2, 3, 4]), /expected 2 actions/, 'a step takes actions for batch_size copies');
  await vec.close();
});
