// The conformance suite (in the spirit of dm_env_rpc's v1/compliance): every classic id and a sample of Atari ids,
// × {single, vector in process, vector on the worker pool} × {unary, stream}, each session watched by a viewer and
// recorded. Each cell is checked against copies of the env stepped here, in the test, under Gymnasium's rules
// written out independently of the server (copy i seeded seed + i, a time limit, NEXT_STEP autoreset): reset and
// step results, seeding, autoreset, infos, the session's episode statistics, frames arriving at the viewer, the
// recording of copy 0's first episode, and at the end the server alive with no session or env copy left behind.

import t, { type Test } from 'tap';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import type { Registry } from '../../env-server/registry.js';
import { conformanceRegistry } from './registry.js';
import type { Env, Info } from '../../env-server/envs/env.js';
import { fileSafe } from '../../env-server/viewer/recorder.js';
import { stack, toBatchNative } from '../../proto/batch.js';
import type { Native } from '../../proto/spaces.js';
import { Xoshiro128 } from '../../proto/rng.js';
import { StadiumError, type Stadium } from '../../agent-client/client.js';
import { startServer } from '../support/server.js';
import { openViewer } from '../viewer/support.js';
import { readApng } from '../viewer/apng-reader.js';
import { check, healthClient } from '../net/health.js';
import { SHARED_ROMS, romSkip } from '../atari/shared.js';


const N = 3;
const STEPS = 14;
/** Short episodes, so every cell sees episodes end, autoresets and a finished recording. */
const LIMIT = 6;
const SEED = 17;

interface Case {
  id: string;
  kwargs: Record<string, unknown>;
  /** Whether the worker pool can hold it (Box observations, Discrete actions). */
  pool: boolean;
}

const CLASSIC: Case[] = [
  { id: 'CartPole-v1', kwargs: {}, pool: true },
  { id: 'FrozenLake-v1', kwargs: {}, pool: false },
  { id: 'FrozenLake8x8-v1', kwargs: { is_slippery: false }, pool: false },
  { id: 'Platform-v0', kwargs: {}, pool: false },
  { id: 'StochasticDecisionProcess-v0', kwargs: {}, pool: true },
];
const ATARI: Case[] = [
  { id: 'ALE/Pong-v5', kwargs: { obs_type: 'ram' }, pool: true },
  { id: 'BreakoutNoFrameskip-v4', kwargs: { preprocess: true }, pool: true },
];
const MODES = ['single', 'vector in process', 'vector on the pool'] as const;
type Mode = (typeof MODES)[number];

/** Copies of the env stepped by Gymnasium's rules, written here: the reference each cell is compared with. */
class Reference {
  private readonly envs: Env[];
  private readonly ended: boolean[];
  constructor(reg: Registry, c: Case, readonly n: number) {
    this.envs = Array.from({ length: n }, () => reg.make(c.id, c.kwargs, LIMIT));
    this.ended = new Array(n).fill(false);
  }
  get spaces() {
    return this.envs[0];
  }
  reset(seed: number) {
    this.ended.fill(false);
    return this.envs.map((e, i) => e.reset(seed + i));
  }
  step(actions: Native[]) {
    return this.envs.map((e, i) => {
      if (this.ended[i]) {
        this.ended[i] = false;
        const r = e.reset();
        return { obs: r.obs, reward: 0, terminated: false, truncated: false, info: r.info };
      }
      const r = e.step(actions[i]);
      this.ended[i] = r.terminated || r.truncated;
      return r;
    });
  }
  close() {
    for (const e of this.envs) e.close?.();
  }
}

/** Info as the client decodes it: scalars as numbers. */
function plainInfo(info: Info): Record<string, unknown> {
  return Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}

const haveRoms = !romSkip;
const cases = [...CLASSIC, ...(haveRoms ? ATARI : [])];
if (!haveRoms) t.comment(`Atari cells skipped: ${romSkip}`);

t.test('conformance', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-conformance-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const reg = conformanceRegistry(SHARED_ROMS);
  const { server, connect, address } = await startServer(t, reg, { viewer: { port: 0 }, record: { dir, every: 1 } });
  const viewer = await openViewer(t, `ws://127.0.0.1:${server.viewer!.port}/ws`);
  const stadium: Stadium = connect();

  for (const c of cases) {
    for (const mode of MODES) {
      for (const transport of ['unary', 'stream'] as const) {
        const name = `${c.id} ${mode} over ${transport}`;
        const n = mode === 'single' ? 1 : N;
        const kwargs = mode === 'single' ? c.kwargs : { ...c.kwargs, num_workers: mode === 'vector on the pool' ? 2 : 0 };
        const opts = { kwargs, maxEpisodeSteps: LIMIT, transport };
        if (mode === 'vector on the pool' && !c.pool) {
          await t.rejects(stadium.makeVec(c.id, n, opts), { code: status.INVALID_ARGUMENT, message: /need the worker pool, and the worker pool carries/ }, `${name}: refused, saying why`);
          continue;
        }
        await t.test(name, (t) => cell(t, c, mode, transport, n, opts));
      }
    }
  }

  async function cell(t: Test, c: Case, mode: Mode, transport: string, n: number, opts: object) {
    const ref = new Reference(reg, c, n);
    t.teardown(() => ref.close());
    const env = mode === 'single' ? await stadium.make(c.id, opts) : await stadium.makeVec(c.id, n, opts);
    const session = server.service.sessions.get(env.sessionId)!;
    t.equal(session.backend.constructor.name, mode === 'vector on the pool' ? 'WorkerPool' : 'InProcessBackend', 'the service picked the backend');
    const { actionSpace: space, observationSpace: obsSpace } = ref.spaces;
    const toClient = (natives: Native[]) => (mode === 'single' ? natives[0] : toBatchNative(obsSpace, stack(obsSpace, natives), n));
    const frame = viewer.until((m) => m.type === 'frame' && m.session === env.sessionId && (m.steps as number) > 0);
    viewer.send({ type: 'watch', session: env.sessionId, fps: 60 });

    const r = await env.reset({ seed: SEED });
    const want = ref.reset(SEED);
    const rInfos = 'infos' in r ? r.infos : [r.info];
    t.same(r.obs, toClient(want.map((x) => x.obs)), 'reset: every copy i as a local env reset with seed + i');
    t.same(rInfos.map(plainInfo), want.map((x) => plainInfo(x.info)), 'reset infos');

    const rng = new Xoshiro128(5);
    let episodes = 0;
    let lastReturn = NaN;
    let ret = 0;
    let firstLength = -1;
    let steps0 = 0;
    let copy0Ended = false;
    for (let s = 0; s < STEPS; s++) {
      const actions = Array.from({ length: n }, () => space.sample(rng));
      const got = mode === 'single' ? await (env as Awaited<ReturnType<Stadium['make']>>).step(actions[0]) : await (env as Awaited<ReturnType<Stadium['makeVec']>>).step(toBatchNative(space, stack(space, actions), n));
      const exp = ref.step(actions);
      const g = 'rewards' in got ? { rewards: Array.from(got.rewards), terminated: got.terminated, truncated: got.truncated, infos: got.infos } : { rewards: [got.reward], terminated: [got.terminated], truncated: [got.truncated], infos: [got.info] };
      const same =
        t.same(got.obs, toClient(exp.map((x) => x.obs)), `step ${s}: observations`) &&
        t.same(g.rewards, exp.map((x) => x.reward), `step ${s}: rewards`) &&
        t.same([g.terminated, g.truncated], [exp.map((x) => x.terminated), exp.map((x) => x.truncated)], `step ${s}: terminated, truncated`) &&
        t.same(g.infos.map(plainInfo), exp.map((x) => plainInfo(x.info)), `step ${s}: infos`);
      if (!same) return;
      // Copy 0's episodes as the session must count them (an autoreset row is no step of an episode).
      if (copy0Ended) {
        copy0Ended = false;
        ret = 0;
      } else {
        ret += exp[0].reward;
        steps0++;
        if (exp[0].terminated || exp[0].truncated) {
          episodes++;
          lastReturn = ret;
          copy0Ended = true;
          if (firstLength < 0) firstLength = steps0;
        }
      }
      if (mode === 'single' && copy0Ended) {
        await t.rejects((env as Awaited<ReturnType<Stadium['make']>>).step(actions[0]), { code: status.FAILED_PRECONDITION }, 'a single session refuses to step past its episode');
        break;
      }
    }
    t.match(session.stats, { steps: session.stats.steps, episodes, resets: 1 }, `episode statistics: ${episodes} episodes of copy 0`);
    if (episodes > 0) t.equal(session.stats.lastReturn, lastReturn, 'and its last return');
    t.ok(episodes > 0, 'copy 0 finished an episode within the cell');
    const format = c.id === 'CartPole-v1' ? { scene: { x: Number } } : { image: { format: ATARI.includes(c) ? 'indexed' : 'rgb' } };
    t.match(await frame, { session: env.sessionId, ...format }, `the viewer got frames (${JSON.stringify(format)})`);
    const file = join(dir, `${fileSafe(c.id)}-${env.sessionId.slice(0, 8)}-episode-0.png`);
    t.equal((await recording(file))?.numFrames, firstLength + 1, "the recording holds copy 0's first episode: its reset and every step");
    viewer.send({ type: 'unwatch' });
    await env.close();
    t.notOk(server.service.sessions.has(env.sessionId), 'closed');
  }

  t.equal(server.service.sessions.size, 0, 'no session left behind');
  t.equal(server.service['envCount'], 0, 'no env copy left behind');
  const health = healthClient(address);
  t.equal(await check(health), 'SERVING', 'the server is alive');
  health.close();
  await t.rejects(stadium.make('NoSuch-v0'), StadiumError);
});

/** The APNG at `file` once it is completely written (null after 10 s without one). */
async function recording(file: string) {
  for (let i = 0; i < 400; i++) {
    if (existsSync(file)) {
      try {
        return readApng(readFileSync(file));
      } catch {
        // Still being written.
      }
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}
