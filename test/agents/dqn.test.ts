// DQN against a real server: the TD loss falls on CartPole, checkpoints restore the exact agent (the next actions
// and every tensor after further learning), and the conv path trains on uint8 frame stacks with deduplicated replay.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { DQN } from '../../agent-client/agents/dqn/dqn.js';
import type { DQNConfig } from '../../agent-client/agents/dqn/config.js';
import { configFor, createAgent } from '../../agent-client/agents/registry.js';
import { mean, train } from '../../agent-client/agents/common/loop.js';
import { agentServer, lockstep, roundTrip, sameTensors, spacesOf } from './support.js';
import { STACK } from './image-env.js';

const SMALL = { bufferSize: 2000, learningStarts: 100, trainFrequency: 1, batchSize: 32, hidden: [32, 32] };

t.test('the TD loss towards a fixed target network falls during a short CartPole run', async (t) => {
  const { connect } = await agentServer(t);
  const env = await connect().make('CartPole-v1');
  const agent = new DQN({ ...(configFor('dqn', 'CartPole-v1') as DQNConfig), ...SMALL, targetUpdateEvery: 1_000_000, tau: 1, nStep: 1, lr: 3e-3 }, spacesOf(env), 1, 'cpu');
  const losses: number[] = [];
  await train(env, agent, { steps: 600, seed: 1, shouldStop: () => (Number.isFinite(agent.metrics().loss) && losses.push(agent.metrics().loss), false) });
  const first = mean(losses.slice(0, 50));
  const last = mean(losses.slice(-50));
  t.ok(last < first * 0.5, `loss fell from ${first.toFixed(4)} to ${last.toFixed(4)}`);
  agent.dispose();
});

for (const variant of [
  { name: 'uniform replay, hard target', overrides: {} },
  { name: 'prioritised 3-step replay, dueling, Polyak target', overrides: { prioritized: { alpha: 0.6, beta0: 0.4, betaSteps: 1000, eps: 1e-6 }, nStep: 3, dueling: true, tau: 0.05 } },
]) {
  t.test(`a checkpoint restores the exact agent (${variant.name})`, async (t) => {
    const { connect } = await agentServer(t);
    const env = await connect().make('CartPole-v1');
    const spaces = spacesOf(env);
    const agent = createAgent('dqn', spaces, { seed: 3, device: 'cpu', overrides: { ...SMALL, ...variant.overrides } });
    await train(env, agent, { steps: 250, seed: 3 });
    const copy = await roundTrip(t, agent, spaces);
    t.equal(copy.steps, agent.steps);
    sameTensors(t, agent, copy, 'right after restoring');
    await lockstep(t, env, agent, copy, 150, 11);
    sameTensors(t, agent, copy, 'after 150 more learning steps');
    agent.dispose();
    copy.dispose();
  });
}

t.test('the Nature conv net trains on uint8 frame stacks, storing about one frame per step', async (t) => {
  const { connect } = await agentServer(t);
  const env = await connect().make('Bars-v0');
  const agent = new DQN({ ...(configFor('dqn', 'Bars-v0') as DQNConfig), ...SMALL, learningStarts: 48, batchSize: 8, frameStack: STACK, epsilon: { kind: 'linear', start: 1, end: 0.1, steps: 100 } }, spacesOf(env), 2, 'cpu');
  t.same(agent.encoding, { ...agent.encoding, shape: [STACK, 36, 36], dtype: 'uint8' });
  t.equal(agent.replay.store.frames.dtype, 'uint8', 'replay keeps frames as uint8');
  const episodes = await train(env, agent, { steps: 120, seed: 2 });
  t.equal(episodes.length, 10);
  // 11 episode starts (the loop resets once more after the last episode) of a whole stack, then one frame a step.
  t.equal(agent.replay.store.serials()[0], 120 + STACK * (episodes.length + 1), 'one frame per step plus a stack per episode start');
  t.ok(Number.isFinite(agent.metrics().loss), 'the conv net produced a finite loss');
  torch.tidy(() => {
    const b = agent.replay.sample(4);
    t.same(b.obs.shape, [4, STACK, 36, 36]);
    t.equal(b.obs.dtype, 'uint8');
  });
  agent.dispose();
});
