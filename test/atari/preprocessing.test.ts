// Server-side AtariPreprocessing + frame stack against an independent recomputation from the raw grayscale
// frames of a NoFrameskip env playing the same actions: max of the last two frames of each 4-frame step,
// shrunk by direct float64 area integration, rewards summed; and the stack, scaling, clipping and life-loss options.

import t from 'tap';
import { atariRegistry, areaMean, romSkip } from './shared.js';

t.test('each observation is the area-shrunk max of the last two raw frames; rewards sum', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  // No sticky actions and no no-op starts, so both envs see the same frames.
  const kw = { repeat_action_probability: 0 };
  const pre = reg.make('ALE/Pong-v5', { ...kw, preprocess: true, noop_max: 0 });
  const raw = reg.make('ALE/Pong-v5', { ...kw, frameskip: 1, obs_type: 'grayscale' });
  t.equal(String(pre.observationSpace), 'Box(0, 255, (4,84,84), uint8)');
  const check = (obs: Uint8Array, a: Uint8Array, b: Uint8Array | null, what: string) => {
    const pooled = b ? a.map((v, i) => Math.max(v, b[i])) : a;
    const exact = areaMean(pooled, 160, 210, 84, 84);
    const newest = obs.subarray(3 * 84 * 84);
    let bad = 0;
    for (let i = 0; i < exact.length; i++) if (Math.abs(newest[i] - exact[i]) > (Math.abs((exact[i] % 1) - 0.5) < 1e-4 ? 0.5 + 1e-4 : 0.5)) bad++;
    return bad === 0 || t.fail(`${what}: ${bad} pixels differ`);
  };
  const r = pre.reset(5);
  const r0 = raw.reset(5);
  check(r.obs as Uint8Array, r0.obs as Uint8Array, null, 'reset');
  const stack = r.obs as Uint8Array;
  const size = 84 * 84;
  t.ok([1, 2, 3].every((k) => stack.subarray(k * size, (k + 1) * size).every((v, i) => v === stack[i])), 'reset fills the stack with the first frame');
  let prev = stack;
  let ok = true;
  let rewards = 0;
  for (let step = 0; step < 150; step++) {
    const a = [0, 1, 2, 3, 4, 5][(step * 5) % 6];
    const s = pre.step(a);
    let sum = 0;
    const frames: Uint8Array[] = [];
    for (let f = 0; f < 4; f++) {
      const rs = raw.step(a);
      sum += rs.reward;
      frames.push(rs.obs as Uint8Array);
    }
    rewards += Math.abs(sum);
    ok &&= s.reward === sum || t.fail(`step ${step}: reward ${s.reward}, raw frames sum to ${sum}`);
    ok &&= check(s.obs as Uint8Array, frames[3], frames[2], `step ${step}`);
    const obs = s.obs as Uint8Array;
    ok &&= obs.subarray(0, 3 * size).every((v, i) => v === prev[size + i]) || t.fail(`step ${step}: the stack did not shift by one frame`);
    prev = obs;
  }
  t.ok(ok, '150 steps agree frame for frame and reward for reward');
  t.ok(rewards > 0, 'the run saw at least one point scored');
});

t.test('scaling, reward clipping, the newest-frame transport and terminal on life loss', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const u8 = reg.make('ALE/Breakout-v5', { preprocess: true, repeat_action_probability: 0, noop_max: 0 });
  const f32 = reg.make('ALE/Breakout-v5', { preprocess: true, repeat_action_probability: 0, noop_max: 0, scale_obs: true });
  const newest = reg.make('ALE/Breakout-v5', { preprocess: true, repeat_action_probability: 0, noop_max: 0, frame_stack_transport: 'newest' });
  t.equal(String(f32.observationSpace), 'Box(0, 1, (4,84,84), float32)');
  t.equal(String(newest.observationSpace), 'Box(0, 255, (84,84), uint8)');
  const a = u8.reset(0).obs as Uint8Array;
  const b = f32.reset(0).obs as Float32Array;
  const c = newest.reset(0).obs as Uint8Array;
  t.ok(a.every((v, i) => b[i] === Math.fround(v / 255)), 'scaled observations are the uint8 ones / 255 in float32');
  t.same(c, a.subarray(3 * 84 * 84), 'the newest-frame transport sends the stack\'s last frame');

  // Space Invaders scores 5 to 30 per alien, so clipping changes rewards.
  const opts = { preprocess: true, repeat_action_probability: 0, noop_max: 0 };
  const clipped = reg.make('ALE/SpaceInvaders-v5', { ...opts, clip_reward: true });
  const plain = reg.make('ALE/SpaceInvaders-v5', opts);
  clipped.reset(0);
  plain.reset(0);
  const pairs: [number, number][] = [];
  for (let i = 0; i < 150; i++) pairs.push([clipped.step(1 + (i % 5)).reward, plain.step(1 + (i % 5)).reward]);
  t.ok(pairs.every(([c, p]) => c === Math.sign(p)), 'clipped reward is the sign of the reward');
  t.ok(pairs.some(([, p]) => p > 1), 'and rewards above 1 occurred');

  const lifeLoss = reg.make('ALE/Breakout-v5', { ...opts, terminal_on_life_loss: true, fire_reset: true });
  const full = reg.make('ALE/Breakout-v5', { ...opts, fire_reset: true });
  lifeLoss.reset(0);
  t.equal(full.reset(0).info.lives, 5n);
  let ended = -1;
  let lives = 5;
  for (let i = 0; i < 400 && ended < 0; i++) {
    if (lifeLoss.step(i % 4).terminated) ended = i;
    lives = Number(full.step(i % 4).info.lives);
  }
  t.ok(ended >= 0, `the episode ended when a life was lost (step ${ended})`);
  t.equal(lives, 4, 'at that step the same game without the option has one life fewer');
});

t.test('on a NoFrameskip id, preprocessing skips 4 frames unless frameskip is given, and its option list says so', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const framesPerStep = (id: string, kw: Record<string, unknown>) => {
    const env = reg.make(id, { preprocess: true, noop_max: 0, ...kw });
    // Atari infos are int64, as ale-py's ints.
    const before = env.reset(1).info.frame_number as bigint;
    return Number((env.step(0).info.frame_number as bigint) - before);
  };
  t.equal(framesPerStep('PongNoFrameskip-v4', {}), 4, "Gymnasium's AtariPreprocessing default");
  t.equal(framesPerStep('PongNoFrameskip-v4', { frameskip: 1 }), 1, 'an explicit frameskip wins');
  t.equal(framesPerStep('PongNoFrameskip-v4', { frameskip: 3 }), 3, 'an explicit frameskip wins');
  t.equal(framesPerStep('ALE/Pong-v5', {}), 4, "a v5 id's own frameskip");
  t.equal(framesPerStep('PongDeterministic-v4', {}), 4, "a Deterministic id's own frameskip");
  t.match(reg.describe('PongNoFrameskip-v4').info.kwargs.frameskip.description, /with preprocess and no frameskip given, 4/);
  t.notMatch(reg.describe('ALE/Pong-v5').info.kwargs.frameskip.description, /with preprocess and no frameskip given/);
});

t.test("on a v0 id, preprocessing draws each step's skip as the env would and pools that step's last two frames", { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  // Gravitar-v0, seed 42, no no-op draw before the steps: NumPy's integers(2, 5) gives 3, 4, 3, 4, 2, 3, ...
  const kw = { repeat_action_probability: 0 };
  const pre = reg.make('Gravitar-v0', { ...kw, preprocess: true, noop_max: 0, frame_stack: 1 });
  const raw = reg.make('Gravitar-v0', { ...kw, frameskip: 1, obs_type: 'grayscale' });
  let frame = Number(pre.reset(42).info.frame_number);
  raw.reset(42);
  const skips: number[] = [];
  let ok = true;
  for (let step = 0; step < 6; step++) {
    const a = step % 2 ? 2 : 1;
    const s = pre.step(a);
    const n = Number(s.info.frame_number) - frame;
    frame += n;
    skips.push(n);
    const frames: Uint8Array[] = [];
    let sum = 0;
    for (let f = 0; f < n; f++) {
      const rs = raw.step(a);
      sum += rs.reward;
      frames.push(rs.obs as Uint8Array);
    }
    const last = frames[n - 1];
    const prev = frames[n - 2];
    const exact = areaMean(last.map((v, i) => Math.max(v, prev[i])), 160, 210, 84, 84);
    const obs = s.obs as Uint8Array;
    let bad = 0;
    for (let i = 0; i < exact.length; i++) if (Math.abs(obs[i] - exact[i]) > 0.5 + 1e-4) bad++;
    ok &&= (bad === 0 && s.reward === sum) || t.fail(`step ${step}: ${bad} pixels differ from the pooled raw frames; reward ${s.reward} vs ${sum}`);
  }
  t.same(skips, [3, 4, 3, 4, 2, 3], "the skips ale-py's Gravitar-v0 draws for seed 42");
  t.ok(ok, 'each observation is the shrunk max of its own step\'s last two frames');
});
