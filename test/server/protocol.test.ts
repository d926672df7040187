// The server's semantics over a real loopback connection, on both transports: Gymnasium reset/step, vector
// NEXT_STEP autoreset, seeding, and every error kind with its status code, none of which disturbs other sessions.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';
import { rejectsWith } from '../support/expect.js';
import { valueToProto } from '../../proto/codec.js';
import { tensor } from '../../proto/tensor.js';


for (const transport of ['stream', 'unary'] as const) {
  t.test(`single env over ${transport}`, async (t) => {
    const { connect } = await startServer(t, [COUNT_ENV]);
    const stadium = connect();
    const env = await stadium.make('Count-v0', { kwargs: { length: 3 }, transport });
    t.equal(String(env.actionSpace), 'Discrete(3)');
    await rejectsWith(t, env.step(1), status.FAILED_PRECONDITION, /reset/, 'step before reset');
    const r0 = await env.reset({ seed: 7 });
    t.same(Array.from(r0.obs as Float32Array).slice(0, 1), [0]);
    t.same(r0.info, { start: true });
    const rewards: number[] = [];
    let last;
    for (let i = 0; i < 3; i++) {
      last = await env.step(2);
      rewards.push(last.reward);
    }
    t.same(rewards, [2, 2, 2]);
    t.equal(last!.terminated, true);
    t.equal(last!.truncated, false);
    t.same(last!.info, { t: 3 });
    await rejectsWith(t, env.step(0), status.FAILED_PRECONDITION, /ended.*reset/, 'step after the episode ended');

    // Same seed, same trajectory.
    const a = await env.reset({ seed: 7 });
    const b = await env.step(0);
    const a2 = await env.reset({ seed: 7 });
    const b2 = await env.step(0);
    t.same(a.obs, a2.obs, 'same seed gives the same reset observation');
    t.same(b.obs, b2.obs, 'same seed gives the same step observation');
    const c = await env.reset({ seed: 8 });
    t.not((c.obs as Float32Array)[1], (a.obs as Float32Array)[1], 'another seed gives another draw');

    const frame = await env.render();
    t.same([frame.width, frame.height, frame.data.length], [2, 1, 6]);
    await env.close();
  });

  t.test(`bad input over ${transport} is refused and disturbs no other session`, async (t) => {
    const { connect } = await startServer(t, [COUNT_ENV], { limits: { maxSessions: 2, maxNumEnvs: 8 } });
    const stadium = connect();
    const bystander = await stadium.make('Count-v0', { transport });
    await bystander.reset({ seed: 1 });
    await bystander.step(1);

    await rejectsWith(t, stadium.make('NoSuchEnv-v9', { transport }), status.NOT_FOUND, /unknown environment id 'NoSuchEnv-v9'; available: Count-v0/, 'unknown env id');
    await rejectsWith(t, stadium.make('Count-v0', { kwargs: { colour: 'red' }, transport }), status.INVALID_ARGUMENT, /unknown option 'colour'.*allowed: length/, 'unknown option');
    await rejectsWith(t, stadium.make('Count-v0', { kwargs: { length: -1 }, transport }), status.INVALID_ARGUMENT, /length must be a positive integer/, 'bad option value');
    await rejectsWith(t, stadium.makeVec('Count-v0', 9, { transport }), status.RESOURCE_EXHAUSTED, /num_envs 9 exceeds.*limit of 8/, 'vector too large');

    const env = await stadium.make('Count-v0', { transport });
    await env.reset();
    await rejectsWith(t, env.step(3), status.INVALID_ARGUMENT, /\[0, 2\].*Discrete\(3\).*got 3/, 'action out of range');
    await rejectsWith(t, env.step(1.5), status.INVALID_ARGUMENT, /integer/, 'non-integer action');
    // Hand-built wire values the typed client would never send.
    const raw = (env as unknown as { stepRequest(a: unknown): Promise<unknown> }).stepRequest.bind(env);
    await rejectsWith(t, raw(valueToProto(tensor('float32', [], [1]))), status.INVALID_ARGUMENT, /integer dtype.*float32/, 'wrong dtype');
    await rejectsWith(t, raw(valueToProto(tensor('int64', [2], [1, 1]))), status.INVALID_ARGUMENT, /scalar.*\[2\]/, 'wrong shape');
    await rejectsWith(t, raw({ tensor: { dtype: 'INT64', shape: [], data: new Uint8Array(3) } }), status.INVALID_ARGUMENT, /8 bytes, got 3/, 'truncated bytes');
    await rejectsWith(t, raw(null), status.INVALID_ARGUMENT, /needs an action/, 'missing action');

    await rejectsWith(t, stadium.make('Count-v0', { transport }), status.RESOURCE_EXHAUSTED, /limit of 2 sessions/, 'session limit');
    await env.close();
    await rejectsWith(t, (env as unknown as { stepRequest(a: unknown): Promise<unknown> }).stepRequest(valueToProto(tensor('int64', [], [1]))), transport === 'unary' ? status.NOT_FOUND : status.CANCELLED, transport === 'unary' ? /was closed \(closed by its client\)/ : /closed/, 'closed session');

    const after = await bystander.step(2);
    t.same(Array.from(after.obs as Float32Array).slice(0, 1), [2], 'the bystander session went on where it was');
    t.equal(after.reward, 2);
  });

  t.test(`vector env over ${transport}: batched steps and NEXT_STEP autoreset`, async (t) => {
    const { connect } = await startServer(t, [COUNT_ENV]);
    const stadium = connect();
    const vec = await stadium.makeVec('Count-v0', 3, { kwargs: { length: 2 }, transport });
    t.equal(vec.numEnvs, 3);
    const r = await vec.reset({ seed: 10 });
    const obs = r.obs as Float32Array;
    t.equal(obs.length, 6);
    // Copy i is seeded with seed + i: compare with single envs seeded 10, 11, 12.
    for (let i = 0; i < 3; i++) {
      const single = await stadium.make('Count-v0', { kwargs: { length: 2 }, transport });
      const s = await single.reset({ seed: 10 + i });
      t.equal(obs[2 * i + 1], (s.obs as Float32Array)[1], `copy ${i} is seeded with seed + ${i}`);
      await single.close();
    }
    const s1 = await vec.step([0, 1, 2]);
    t.same(Array.from(s1.rewards), [0, 1, 2]);
    t.same(s1.terminated, [false, false, false]);
    const s2 = await vec.step([1, 1, 1]);
    t.same(s2.terminated, [true, true, true], 'episodes of length 2 end on the second step');
    t.same(Array.from(s2.obs as Float32Array).filter((_, i) => i % 2 === 0), [2, 2, 2]);
    const s3 = await vec.step([2, 2, 2]);
    t.same(Array.from(s3.rewards), [0, 0, 0], 'the autoreset step gives reward 0 and ignores the action');
    t.same(s3.terminated, [false, false, false]);
    t.same(Array.from(s3.obs as Float32Array).filter((_, i) => i % 2 === 0), [0, 0, 0], 'and returns the reset observation');
    t.same(s3.infos[0], { start: true }, 'with the reset info');
    const s4 = await vec.step([1, 2, 0]);
    t.same(Array.from(s4.rewards), [1, 2, 0], 'then stepping continues');
    await rejectsWith(t, vec.step([1, 2]), status.INVALID_ARGUMENT, /expected 3 actions/, 'wrong batch size (client side)');
    const raw = (vec as unknown as { stepRequest(a: unknown): Promise<unknown> }).stepRequest.bind(vec);
    await rejectsWith(t, raw(valueToProto(tensor('int64', [3], [0, 5, 0]))), status.INVALID_ARGUMENT, /copy 1.*got 5/, 'one bad action in the batch');
    const s5 = await vec.step([1, 1, 1]);
    t.same(s5.terminated, [true, true, true], 'the rejected batch did not step any copy');
    const sample = vec.actionSpace.sample() as number[];
    t.equal(sample.length, 3);
    t.ok(sample.every((a) => a >= 0 && a < 3), 'sampled batched actions are in the space');
    await vec.close();
  });
}

t.test('a stream that drops frees its sessions; unary sessions stay', async (t) => {
  const { connect, server } = await startServer(t, [COUNT_ENV]);
  const stadium = connect();
  const streamEnv = await stadium.make('Count-v0');
  const unaryEnv = await stadium.make('Count-v0', { transport: 'unary' });
  t.equal(server.service.sessions.size, 2);
  (streamEnv as unknown as { transport: { end(): void } }).transport.end();
  for (let i = 0; i < 100 && server.service.sessions.size > 1; i++) await new Promise((r) => setTimeout(r, 10));
  t.equal(server.service.sessions.size, 1, 'the stream session was freed');
  await unaryEnv.reset();
  t.pass('the unary session still works');
});

t.test('idle sessions are closed with a reason', async (t) => {
  const { connect, server } = await startServer(t, [COUNT_ENV], { limits: { idleTimeoutMs: 100 } });
  const env = await connect().make('Count-v0', { transport: 'unary' });
  for (let i = 0; i < 100 && server.service.sessions.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
  await rejectsWith(t, env.reset(), status.NOT_FOUND, /idle for more than/, 'idle session');
});

t.test('pipelined stream requests are answered in order', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV]);
  const env = await connect().make('Count-v0', { kwargs: { length: 50 } });
  await env.reset({ seed: 3 });
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => env.step(i % 3)));
  t.same(
    results.map((r) => (r.obs as Float32Array)[0]),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  t.same(
    results.map((r) => r.reward),
    Array.from({ length: 20 }, (_, i) => i % 3),
  );
});

t.test('listEnvs describes every id with its spaces and options', async (t) => {
  const { connect } = await startServer(t, [COUNT_ENV]);
  const envs = await connect().listEnvs();
  t.equal(envs.length, 1);
  t.equal(envs[0].id, 'Count-v0');
  t.equal(String(envs[0].observationSpace), 'Box(0, Infinity, (2), float32)');
  t.equal(envs[0].maxEpisodeSteps, 100);
  t.equal(envs[0].rewardThreshold, null);
  t.same(envs[0].options.map((o) => o.name), ['length', 'num_workers', 'batch_size'], "the env's options, then the session options every id takes");
  t.same(envs[0].options[0], { name: 'length', description: 'steps until termination', default: 5 });
  t.equal(envs[0].autoresetMode, 'NEXT_STEP', 'vector sessions autoreset on the next step, and say so');
});

t.test('shutdown ends streams with UNAVAILABLE', async (t) => {
  const { connect, server } = await startServer(t, [COUNT_ENV]);
  const env = await connect().make('Count-v0');
  await env.reset();
  await server.shutdown(500);
  await rejectsWith(t, env.step(1), status.UNAVAILABLE, /shutting down|unavailable/, 'request after shutdown');
});
