// Short runs of the other agents against a real server: each learns (its loss falls or its table changes), and a
// checkpoint restores it exactly (same next actions, same tensors after further learning).
import t from 'tap';
import { createAgent } from '../../agent-client/agents/registry.js';
import { RND_DEFAULTS } from '../../agent-client/agents/rnd/rnd.js';
import { mean, train } from '../../agent-client/agents/common/loop.js';
import type { Agent } from '../../agent-client/agents/common/agent.js';
import type { RemoteEnv } from '../../agent-client/client.js';
import { agentServer, lockstep, roundTrip, sameTensors, spacesOf } from './support.js';

const CASES: { agent: string; env: string; overrides: Record<string, unknown>; steps: number; lossKey: string }[] = [
  { agent: 'pdqn', env: 'Platform-v0', overrides: { learningStarts: 64, batchSize: 32, bufferSize: 1000, hiddenQ: [32], hiddenActor: [32], tauQ: 0.01 }, steps: 300, lossKey: 'loss' },
  { agent: 'mpdqn', env: 'Platform-v0', overrides: { learningStarts: 64, batchSize: 32, bufferSize: 1000, hiddenQ: [32], hiddenActor: [32], tauQ: 0.01 }, steps: 300, lossKey: 'loss' },
  { agent: 'dqn', env: 'Platform-v0', overrides: { learningStarts: 64, batchSize: 32, bufferSize: 1000, hidden: [32], tau: 0.01 }, steps: 300, lossKey: 'loss' },
  { agent: 'hdqn', env: 'StochasticDecisionProcess-v0', overrides: { learningStarts: 64, batchSize: 16, hidden: [32], tau: 0.01 }, steps: 400, lossKey: 'loss' },
  { agent: 'rnd', env: 'CartPole-v1', overrides: { learningStarts: 64, batchSize: 32, bufferSize: 1000, trainFrequency: 1, gradientSteps: 1, hidden: [32], targetUpdateEvery: 100000 }, steps: 300, lossKey: 'rnd_loss' },
];

async function run(env: RemoteEnv, agent: Agent, steps: number, key: string): Promise<number[]> {
  const values: number[] = [];
  await train(env, agent, { steps, seed: 5, shouldStop: () => (Number.isFinite(agent.metrics()[key]) && values.push(agent.metrics()[key]), false) });
  return values;
}

for (const c of CASES) {
  t.test(`${c.agent} on ${c.env}: learns, and a checkpoint restores it exactly`, async (t) => {
    const { connect } = await agentServer(t);
    const env = await connect().make(c.env);
    const spaces = spacesOf(env);
    const agent = createAgent(c.agent, spaces, { seed: 4, device: 'cpu', overrides: c.overrides });
    const losses = await run(env, agent, c.steps, c.lossKey);
    t.ok(losses.length > 50, `${losses.length} ${c.lossKey} values`);
    const first = mean(losses.slice(0, 30));
    const last = mean(losses.slice(-30));
    t.ok(last < first, `${c.lossKey} fell from ${first.toExponential(3)} to ${last.toExponential(3)}`);
    const copy = await roundTrip(t, agent, spaces);
    sameTensors(t, agent, copy, 'right after restoring');
    await lockstep(t, env, agent, copy, 60, 9);
    sameTensors(t, agent, copy, 'after 60 more learning steps');
    agent.dispose();
    copy.dispose();
  });
}

t.test('rnd logs an intrinsic reward that falls as the predictor learns familiar states', async (t) => {
  const { connect } = await agentServer(t);
  const env = await connect().make('CartPole-v1');
  const agent = createAgent('rnd', spacesOf(env), { seed: 4, device: 'cpu', overrides: { ...CASES[4].overrides, rnd: { ...RND_DEFAULTS, lr: 1e-3, updateProportion: 1, features: 16, targetHidden: [32], predictorHidden: [32, 32, 32] } } });
  const rewards = await run(env, agent, 400, 'intrinsic_reward');
  t.ok(rewards.every((r) => r >= 0 && r <= 5), 'intrinsic rewards are clipped to [0, 5]');
  const losses = await run(env, agent, 500, 'rnd_loss');
  t.ok(mean(losses.slice(-30)) < mean(losses.slice(0, 30)), 'the prediction error falls');
  agent.dispose();
});

t.test('tabular Q-learning on FrozenLake: values move from zero and a checkpoint restores the table and generator', async (t) => {
  const { connect } = await agentServer(t);
  const env = await connect().make('FrozenLake-v1', { kwargs: { is_slippery: false } });
  const spaces = spacesOf(env);
  const agent = createAgent('qlearning', spaces, { seed: 2, device: 'cpu', overrides: { alpha: { kind: 'constant', start: 0.5, end: 0.5, steps: 1 }, epsilon: { kind: 'constant', start: 0.5, end: 0.5, steps: 1 } } });
  await train(env, agent, { steps: 3000, seed: 2 });
  const q = agent.checkpoint().tensors.q.data() as Float64Array;
  // Non-slippery: the last move into the goal (from 14, RIGHT) pays 1, so Q(14, RIGHT) approaches 1.
  t.ok(q[14 * 4 + 2] > 0.9, `Q(14, RIGHT) = ${q[14 * 4 + 2].toFixed(3)}`);
  const copy = await roundTrip(t, agent, spaces);
  await lockstep(t, env, agent, copy, 200, 3);
  sameTensors(t, agent, copy, 'after 200 more steps');
  t.throws(() => createAgent('qlearning', { envId: 'CartPole-v1', observationSpace: env.actionSpace, actionSpace: env.actionSpace }, { seed: 1, device: 'cpu', overrides: { gamma: 2 } }), /gamma/);
});

t.test('the same seed reproduces a CPU run exactly', async (t) => {
  const { connect } = await agentServer(t);
  const stadium = connect();
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const env = await stadium.make('CartPole-v1');
    const agent = createAgent('dqn', spacesOf(env), { seed: 8, device: 'cpu', overrides: { ...CASES[4].overrides, nStep: 2, dueling: true } });
    const episodes = await train(env, agent, { steps: 200, seed: 8 });
    runs.push({ agent, returns: episodes.map((e) => e.return) });
  }
  t.same(runs[1].returns, runs[0].returns, 'same episode returns');
  sameTensors(t, runs[0].agent, runs[1].agent, 'two runs with seed 8');
  for (const r of runs) r.agent.dispose();
});

t.test('bad settings are refused with what is allowed', async (t) => {
  const { connect } = await agentServer(t);
  const env = await connect().make('CartPole-v1');
  t.throws(() => createAgent('dqn', spacesOf(env), { seed: 1, device: 'cpu', overrides: { lerning_rate: 1 } }), /has no setting 'lerning_rate'; its settings are gamma, lr/);
  t.throws(() => createAgent('dqn', spacesOf(env), { seed: 1, device: 'cpu', overrides: { batchSize: 0 } }), /'batchSize' must be an integer >= 1/);
  t.throws(() => createAgent('pdqn', spacesOf(env), { seed: 1, device: 'cpu' }), /parameterised action space/);
  t.throws(() => createAgent('sarsa', spacesOf(env), { seed: 1, device: 'cpu' }), /unknown agent 'sarsa'; available: dqn/);
});
