// Training over a vector session: every copy feeds replay with its own frame stacks, one batched forward pass a
// step, and the recipe's gradient steps per env step; the run's metrics reach the server; bad requests (a preset
// that does not fit, too many copies, an agent that cannot act in a vector, a run dir of another agent, CUDA where
// there is none) fail with one line that says what to do, and nothing is lost.
import t from 'tap';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as torch from '../../agent-client/torch/index.js';
import { DQN } from '../../agent-client/agents/dqn/dqn.js';
import { trainVector } from '../../agent-client/agents/common/loop.js';
import { configFor } from '../../agent-client/agents/registry.js';
import { checkpointDir, runTraining } from '../../agent-client/agents/run.js';
import type { DQNConfig } from '../../agent-client/agents/dqn/config.js';
import { agentServer, tempDir } from './support.js';
import { STACK } from './image-env.js';

const COPIES = 4;

t.test('4 copies: a batched forward a step, every copy in replay with its stacks intact, the update-to-data ratio kept', async (t) => {
  const { connect } = await agentServer(t);
  const env = await connect().makeVec('Bars-v0', COPIES);
  const config = { ...(configFor('dqn', 'Bars-v0') as DQNConfig), learningStarts: 48, batchSize: 8, bufferSize: 1000, trainFrequency: 4, frameStack: STACK, epsilon: { kind: 'constant' as const, start: 0, end: 0, steps: 1 } };
  const agent = new DQN(config, { envId: 'Bars-v0', observationSpace: env.singleObservationSpace, actionSpace: env.singleActionSpace, numEnvs: COPIES }, 3, 'cpu');
  let learns = 0;
  let batched = 0;
  let wrongSize = 0;
  const learn = agent.learner.learn.bind(agent.learner);
  agent.learner.learn = (...a) => (learns++, learn(...a));
  const greedyBatch = agent.learner.greedyBatch.bind(agent.learner);
  agent.learner.greedyBatch = (x, n) => ((wrongSize += n === COPIES ? 0 : 1), batched++, greedyBatch(x, n));
  agent.learner.greedy = () => t.fail('no single-observation forward passes') as never;
  const episodes = await trainVector(env, agent, { steps: 200, seed: 7 });
  const steps = agent.steps;
  t.ok(steps >= 200 && steps < 200 + COPIES, `trained ${steps} env steps`);
  t.ok(episodes.length >= 12 && episodes.every((e) => e.length === 12), 'episodes of every copy, each 12 steps long');
  // Each of the 4 copies' resets (one after each episode) takes a vector step that trains nothing.
  t.equal(batched, (steps + episodes.length) / COPIES, 'one batched forward pass per vector step');
  t.equal(wrongSize, 0, 'each over all 4 copies');
  t.equal(learns, Math.floor(steps / 4) - 48 / 4, 'a gradient step every 4 env steps after learningStarts, counted over all copies');
  t.equal(agent.replay.size, steps, 'every env step of every copy is a transition');
  const frames = agent.replay.store.serials().reduce((a, b) => a + b, 0);
  t.equal(frames, steps + STACK * (COPIES + episodes.length), 'one frame per step, a whole stack per episode start');
  torch.tidy(() => {
    const b = agent.replay.sample(64);
    const o = b.obs.toArray();
    const n = b.nextObs.toArray();
    const frame = 36 * 36;
    let broken = 0;
    let barless = 0;
    for (let i = 0; i < 64; i++) {
      const base = i * STACK * frame;
      for (let j = 0; j < (STACK - 1) * frame; j++) if (o[base + frame + j] !== n[base + j]) broken++;
      // Every Bars frame shows one bar: 36 rows of 12 pixels at 200.
      const newest = n.slice(base + (STACK - 1) * frame, base + STACK * frame);
      if (newest.filter((v) => v === 200).length !== 36 * 12) barless++;
    }
    t.equal(broken, 0, "each next stack continues its own copy's stack");
    t.equal(barless, 0, 'each newest frame is one the env sent');
    t.same([...new Set(Array.from(b.slots, (s) => Math.floor(s / agent.replay.streamCapacity)))].sort(), [0, 1, 2, 3], 'batches draw from every copy');
  });
  agent.dispose();
  await env.close();
});

t.test('a run reports its curves to the server for the live viewer', async (t) => {
  const { address, server } = await agentServer(t);
  let seen: string[] = [];
  const result = await runTraining({
    agent: 'dqn', env: 'CartPole-v1', server: address, device: 'cpu', steps: 400, seed: 1, runDir: null, progress: null, numEnvs: 2,
    overrides: { learningStarts: 50, bufferSize: 1000, hidden: [16], batchSize: 16 },
    onEpisode: () => {
      const s = [...server.service.sessions.values()][0];
      seen = [...s.metrics.keys()];
    },
  });
  t.ok(seen.includes('episode/return') && seen.includes('train/loss') && seen.includes('train/epsilon') && seen.includes('train/steps_per_second'), `reported: ${seen.join(', ')}`);
  result.agent.dispose();
});

t.test('bad requests fail with what to do, and nothing is lost', async (t) => {
  const { address } = await agentServer(t);
  const base = { env: 'CartPole-v1', server: address, device: 'cpu' as const, steps: 120, seed: 1, progress: null, overrides: { learningStarts: 50, bufferSize: 1000, hidden: [16], batchSize: 16 }, evalEpisodes: 0 };
  t.throws(() => configFor('dqn', 'CartPole-v1', {}, 'dqn-pong'), /preset 'dqn-pong' fits PongNoFrameskip-v4, .* not CartPole-v1; pass one of those as --env or pick another preset/);
  t.throws(() => configFor('rnd', 'PongNoFrameskip-v4', {}, 'dqn-pong'), /preset 'dqn-pong' is for agent 'dqn', not 'rnd'/);
  await t.rejects(runTraining({ ...base, agent: 'dqn', runDir: null, numEnvs: 1_000_000 }), /the server refused 1000000 copies of CartPole-v1 \(.*\); try a smaller --num-envs/);
  const runDir = tempDir(t);
  const first = await runTraining({ ...base, agent: 'dqn', runDir });
  first.agent.dispose();
  const saved = readFileSync(join(checkpointDir(runDir), 'agent.safetensors'));
  await t.rejects(runTraining({ ...base, agent: 'rnd', runDir, overrides: {} }), /holds a dqn agent for CartPole-v1, not rnd for CartPole-v1; choose another --run-dir/);
  t.ok(readFileSync(join(checkpointDir(runDir), 'agent.safetensors')).equals(saved), 'the checkpoint is untouched');

  const cli = async (...args: string[]) => {
    try {
      await promisify(execFile)(process.execPath, ['dist/agent-client/cli.js', 'train', '--server', address, ...args]);
      return { code: 0, stderr: '' };
    } catch (e) {
      return e as { code: number; stderr: string };
    }
  };
  const oneLine = async (args: string[], pattern: RegExp) => {
    const r = await cli(...args);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.stderr, pattern, args.join(' '));
    t.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
  };
  await oneLine(['--preset', 'dqn-pong', '--env', 'CartPole-v1'], /preset 'dqn-pong' fits .* not CartPole-v1; pass one of those as --env/);
  await oneLine(['--preset', 'no-such'], /unknown preset 'no-such'; available: dqn-cartpole/);
  await oneLine(['--agent', 'pdqn', '--env', 'Platform-v0', '--num-envs', '4'], /agent 'pdqn' acts in one env at a time; --num-envs needs dqn or rnd/);
  // A checkpoint of a vector run evaluates on a plain session.
  const vecDir = tempDir(t);
  (await runTraining({ ...base, agent: 'dqn', runDir: vecDir, numEnvs: 2 })).agent.dispose();
  const evaluated = await promisify(execFile)(process.execPath, ['dist/agent-client/cli.js', 'eval', '--server', address, '--checkpoint', checkpointDir(vecDir), '--episodes', '2']);
  t.match(evaluated.stdout, /dqn on CartPole-v1 after \d+ steps: mean greedy return .* over 2 episodes/);
  if (!torch.cuda.isAvailable()) await oneLine(['--preset', 'dqn-cartpole', '--device', 'cuda'], /--device cuda: this libtorch or machine has no CUDA; use --device cpu/);
});

t.test('--record-every N keeps every Nth episode of copy 0 as an animated PNG, one frame per step', async (t) => {
  const { address } = await agentServer(t);
  const runDir = tempDir(t);
  const lengths: number[] = [];
  const result = await runTraining({
    agent: 'dqn', env: 'CartPole-v1', server: address, device: 'cpu', steps: 150, seed: 1, runDir, progress: null, recordEvery: 3, evalEpisodes: 0,
    overrides: { learningStarts: 50, bufferSize: 1000, hidden: [16], batchSize: 16 },
    onEpisode: (e) => void lengths.push(e.length),
  });
  result.agent.dispose();
  const recorded = lengths.map((n, i) => [i, n]).filter(([i]) => i % 3 === 0);
  t.ok(recorded.length >= 2, `${lengths.length} episodes, ${recorded.length} recorded`);
  for (const [i, n] of recorded) {
    const png = readFileSync(join(runDir, 'videos', `episode-${i}.png`));
    t.ok(png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])), `episode ${i}: a PNG`);
    const acTL = png.indexOf('acTL');
    t.equal(png.readUInt32BE(acTL + 4), n + 1, `episode ${i}: its reset frame and ${n} steps`);
  }
  t.same(readdirSync(join(runDir, 'videos')).length, recorded.length, 'no other episode recorded');
});
