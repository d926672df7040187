// The Atari ids: ale-py's registrations (names and per-flavour settings), what a step does under each, seeding,
// and the errors for bad options and missing or wrong ROMs.

import t from 'tap';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { StatusError } from '../../env-server/errors.js';
import type { Env } from '../../env-server/envs/env.js';
import { ATARI_GAMES } from '../../env-server/envs/atari/games.js';
import { SHARED_ROMS, atariRegistry, fnv1a, romSkip } from './shared.js';

t.test('every game has ale-py\'s ids with their settings, described without any ROM', async (t) => {
  const reg = atariRegistry(mkdtempSync(join(tmpdir(), 'stadium-noroms-')));
  const ids = reg.ids();
  t.equal(ids.length, 10 * 13, '10 games x (v5 + {rgb, ram} x {v0, v4} x {plain, Deterministic, NoFrameskip})');
  const defaults = (id: string) => {
    const k = reg.get(id).info.kwargs;
    return [k.frameskip.default, k.repeat_action_probability.default, k.obs_type.default, k.max_num_frames_per_episode.default];
  };
  t.same(defaults('ALE/Pong-v5'), [4, 0.25, 'rgb', 108000]);
  t.same(defaults('PongNoFrameskip-v4'), [1, 0, 'rgb', 108000]);
  t.same(defaults('Gravitar-v0'), [[2, 5], 0.25, 'rgb', 108000]);
  t.same(defaults('Breakout-v4'), [[2, 5], 0, 'rgb', 108000]);
  t.same(defaults('SpaceInvadersDeterministic-v4'), [3, 0, 'rgb', 108000]);
  t.same(defaults('MsPacmanDeterministic-v0'), [4, 0.25, 'rgb', 108000]);
  t.same(defaults('MontezumaRevenge-ram-v0'), [[2, 5], 0.25, 'ram', 108000]);
  for (const id of ['ALE/SpaceInvaders-v5', 'ALE/MontezumaRevenge-v5', 'ALE/Qbert-v5', 'FreewayNoFrameskip-v4', 'Enduro-ram-v4', 'SeaquestNoFrameskip-v0']) {
    t.ok(ids.includes(id), `${id} is registered`);
  }
  const d = reg.describe('ALE/MsPacman-v5');
  t.equal(String(d.observationSpace), 'Box(0, 255, (210,160,3), uint8)');
  t.equal(String(d.actionSpace), 'Discrete(9)');
  t.equal(String(reg.describe('Pong-ram-v4').observationSpace), 'Box(0, 255, (128), uint8)');
});

t.test('the spaces described without a ROM are those of the game once loaded (its screen rows, its actions)', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  for (const g of ATARI_GAMES) {
    const id = `ALE/${g.name}-v5`;
    const env = reg.make(id, {});
    const d = reg.describe(id);
    t.equal(String(d.observationSpace), String(env.observationSpace), `${id}: observations`);
    t.equal(String(d.actionSpace), String(env.actionSpace), `${id}: actions`);
  }
});

t.test('a missing or wrong ROM is a clear FAILED_PRECONDITION naming the game, the MD5 and the import command', { skip: romSkip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-roms-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const reg = atariRegistry(dir);
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as StatusError;
    }
    return null;
  };
  const missing = failure(() => reg.make('ALE/Pong-v5', {}));
  t.equal(missing?.code, status.FAILED_PRECONDITION);
  t.match(missing?.message, /ROM of Pong is not installed.*pong\.bin \(MD5 60e0ea3cbe0913d39803477945e9e5ec, 2048 bytes\).*stadium roms import DIR --rom-dir/);
  copyFileSync(join(SHARED_ROMS, 'breakout.bin'), join(dir, 'pong.bin'));
  const wrong = failure(() => reg.make('ALE/Pong-v5', {}));
  t.equal(wrong?.code, status.FAILED_PRECONDITION);
  t.match(wrong?.message, /pong\.bin for Pong is refused: it is the ROM of Breakout; ALE needs the dump with MD5 60e0ea3cbe0913d39803477945e9e5ec/);
});

t.test('bad options are refused with what is allowed', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const refuse = (id: string, kw: Record<string, unknown>, pattern: RegExp, what: string, code = status.INVALID_ARGUMENT) => {
    try {
      reg.make(id, kw);
      t.fail(`${what}: accepted`);
    } catch (e) {
      t.equal((e as StatusError).code, code, `${what}: ${status[code]}`);
      t.match((e as Error).message, pattern, what);
    }
  };
  refuse('ALE/Tetris-v5', {}, /^unknown environment id 'ALE\/Tetris-v5'; nearest: (ALE\/\w+-v5, ){4}ALE\/\w+-v5 \(\d+ ids in all; ListEnvs lists them\)$/, 'unknown game', status.NOT_FOUND);
  refuse('ALE/Pnog-v5', {}, /nearest: ALE\/Pong-v5, /, 'a typo: the intended id comes first', status.NOT_FOUND);
  refuse('ALE/Pong-v5', { mode: 7 }, /mode 7 is not available for Pong; available modes: 0, 1/, 'bad mode');
  refuse('ALE/Pong-v5', { difficulty: 9 }, /difficulty 9 is not available for Pong; available difficulties: 0, 1, 2, 3/, 'bad difficulty');
  refuse('ALE/Pong-v5', { obs_type: 'rgb24' }, /'obs_type' must be one of 'rgb', 'grayscale', 'ram'/, 'bad obs_type');
  refuse('ALE/Pong-v5', { frameskip: [5, 2] }, /'frameskip' must be a positive integer or a pair \[low, high\)/, 'bad frameskip');
  refuse('ALE/Pong-v5', { repeat_action_probability: 1.5 }, /in \[0, 1\]/, 'bad stickiness');
  refuse('ALE/Pong-v5', { noop_max: 10 }, /'noop_max' only apply with preprocess: true/, 'preprocessing option without preprocess');
  refuse('Pong-v0', { preprocess: true }, /preprocess needs a fixed integer frameskip.*\[2, 5\]/, 'preprocess with a stochastic frameskip');
  refuse('ALE/Pong-v5', { preprocess: true, screen_size: 200 }, /'screen_size' must be an integer in \[1, 160\]/, 'enlarging');
});

function run(env: Env, seed: number, steps: number, act: (i: number) => number) {
  const r = env.reset(seed);
  const rows: string[] = [fnv1a(r.obs as Uint8Array)];
  for (let i = 0; i < steps; i++) {
    const s = env.step(act(i));
    rows.push(`${fnv1a(s.obs as Uint8Array)} ${s.reward} ${s.terminated} ${s.info.frame_number}`);
  }
  return rows;
}

t.test('each flavour steps the frames it promises, with ale-py\'s info', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const frames = (id: string, kw = {}) => {
    const env = reg.make(id, kw);
    const r = env.reset(3);
    const out = [Number(r.info.frame_number)];
    for (let i = 0; i < 20; i++) out.push(Number(env.step(0).info.frame_number));
    return out.slice(1).map((f, i) => f - out[i]);
  };
  t.same(frames('PongNoFrameskip-v4'), Array(20).fill(1), 'NoFrameskip: one frame per step');
  t.same(frames('ALE/Pong-v5'), Array(20).fill(4), 'v5: four frames per step');
  t.same(frames('SpaceInvadersDeterministic-v4'), Array(20).fill(3), 'Deterministic Space Invaders: three');
  const drawn = frames('Gravitar-v0');
  t.ok(drawn.every((d) => d >= 2 && d <= 4), `v0: 2 to 4 frames per step (${drawn})`);
  t.ok(new Set(drawn).size > 1, 'and the number varies');
  const env = reg.make('Breakout-ram-v4', {});
  const r = env.reset(0);
  t.equal((r.obs as Uint8Array).length, 128, 'ram observation');
  t.same(Object.keys(r.info).sort(), ['episode_frame_number', 'frame_number', 'lives']);
  t.equal(r.info.lives, 5n, "lives is an int, as ale-py's (int64 on the wire)");
  t.equal(typeof r.info.frame_number, 'bigint', 'so are the frame numbers');
});

t.test('same seed, same trajectory; another seed, another one (sticky actions)', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  const act = (i: number) => (i * 7) % 6;
  const a = run(reg.make('ALE/Pong-v5', {}), 42, 150, act);
  const b = run(reg.make('ALE/Pong-v5', {}), 42, 150, act);
  const c = run(reg.make('ALE/Pong-v5', {}), 43, 150, act);
  t.same(a, b, 'two envs seeded 42 agree on every step');
  t.not(a.join(), c.join(), 'seed 43 differs');
  const env = reg.make('ALE/Pong-v5', {});
  run(env, 1, 30, act);
  t.same(run(env, 42, 150, act), a, 'reset(42) on a used env replays the trajectory');
});
