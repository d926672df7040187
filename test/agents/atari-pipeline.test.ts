// Atari ids just work for the conv agents: naming only the id gets the server's standard preprocessing (no-op
// starts, frame skip 4 with max-pooling, 84x84 grayscale, a stack of 4, FIRE on reset) and a replay that stores
// each frame once; the user's options win; a space the conv net cannot take says what to pass.
import t from 'tap';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { atariEnvs } from '../../env-server/envs/atari/registry.js';
import { RomStore } from '../../env-server/roms/rom-store.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { atariPipeline } from '../../agent-client/agents/common/pipeline.js';
import { natureConvLayers } from '../../agent-client/agents/common/networks.js';
import { runTraining } from '../../agent-client/agents/run.js';
import type { DQN } from '../../agent-client/agents/dqn/dqn.js';
import { startServer } from '../support/server.js';
import { SHARED_ROMS, romSkip } from '../atari/shared.js';

t.test('the conv net refuses a frame it cannot take, naming the option to pass', (t) => {
  t.throws(() => natureConvLayers([210, 160, 3]), /needs \[channels, height, width\] frames of at least 36x36, got \[210, 160, 3\]; for Atari ids make the env with preprocess: true/);
  t.end();
});

t.test('an Atari id alone gets the standard pipeline; options override it', { skip: romSkip }, async (t) => {
  const { address, connect } = await startServer(t, [...classicEnvs, ...atariEnvs(new RomStore(SHARED_ROMS, () => []))]);
  const stadium = connect();
  t.same(await atariPipeline(stadium, 'PongNoFrameskip-v4', undefined), { kwargs: { preprocess: true, fire_reset: true }, frameStack: 4 });
  t.same(await atariPipeline(stadium, 'PongNoFrameskip-v4', { frame_stack: 2, fire_reset: false }), { kwargs: { preprocess: true, fire_reset: false, frame_stack: 2 }, frameStack: 2 });
  t.same(await atariPipeline(stadium, 'PongNoFrameskip-v4', { preprocess: false }), { kwargs: { preprocess: false }, frameStack: null }, 'preprocess: false is the user\'s choice');
  t.same(await atariPipeline(stadium, 'PongNoFrameskip-v4', { obs_type: 'ram' }), { kwargs: { obs_type: 'ram' }, frameStack: null }, 'an obs_type choice is left alone');
  t.same(await atariPipeline(stadium, 'CartPole-v1', undefined), { kwargs: undefined, frameStack: null }, 'non-Atari ids are left alone');

  const result = await runTraining({
    agent: 'dqn', env: 'PongNoFrameskip-v4', server: address, device: 'cpu', steps: 40, seed: 1, runDir: null, progress: null, evalEpisodes: 0,
    overrides: { learningStarts: 20, bufferSize: 200, batchSize: 4 },
  });
  const agent = result.agent as DQN;
  t.same(agent.encoding.shape, [4, 84, 84], 'the agent sees 84x84 stacks of 4');
  t.equal(agent.config.frameStack, 4, 'replay knows the stack');
  t.equal(agent.config.bufferSize, 200, "the user's overrides over the dqn-pong preset");
  t.equal(agent.config.trainFrequency, 1, 'the dqn-pong preset (the book recipe) applies to the id');
  t.equal(agent.replay.store.serials()[0], 40 + 4, 'one frame per step after the first stack');
  agent.dispose();
});

t.test('the dqn-pong example runs: it acts on four copies, learns after --learning-starts and reports its loss', { skip: romSkip }, async (t) => {
  const { address } = await startServer(t, [...classicEnvs, ...atariEnvs(new RomStore(SHARED_ROMS, () => []))]);
  const example = fileURLToPath(new URL('../../agent-client/examples/dqn-pong.js', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [example, '--server', address, '--steps', '400', '--learning-starts', '300'], { timeout: 120_000 });
  const done = /done: 400 steps, \d+ episodes, last loss (\S+)/.exec(stdout);
  t.ok(done, `a final line (${stdout.trim().split('\n').pop()})`);
  t.ok(Number.isFinite(Number(done?.[1])), 'with the loss of a gradient step it took');
});
