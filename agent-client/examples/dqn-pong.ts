// DQN on Pong from pixels, in one file: CleanRL's dqn_atari.py in TypeScript. Copy it and change what you like.
//   stadium serve --rom-dir ROMS &                 # an env server with the Atari ROMs
//   node dist/agent-client/examples/dqn-pong.js [--server 127.0.0.1:50051] [--steps 2000000] [--learning-starts 10000]
// The server does the Atari wrappers (no-op starts, frame skip 4 with max-pooling, 84x84 grayscale, a stack of 4,
// FIRE on reset); the agent sees uint8 [4, 84, 84] stacks and keeps them uint8 in replay on the training device.
// `stadium-agent train --preset dqn-pong-fast` is the same algorithm with double/dueling/n-step, checkpoints and logs.

import { parseArgs } from 'node:util';
import { Stadium } from '../client.js';
import { Discrete } from '../../proto/spaces.js';
import * as torch from '../torch/index.js';
import { Replay } from '../agents/dqn/replay.js';
import { CountingRng } from '../agents/common/rng.js';

const { values: args } = parseArgs({
  options: { server: { type: 'string', default: '127.0.0.1:50051' }, steps: { type: 'string', default: '2000000' }, 'learning-starts': { type: 'string', default: '10000' } },
});

// ---- config (CleanRL's defaults, with a replay and schedule sized for a few hours on a CPU) ----
const config = {
  envId: 'PongNoFrameskip-v4',
  numEnvs: 4,
  seed: 1,
  totalTimesteps: Number(args.steps),
  learningRate: 1e-4,
  bufferSize: 100_000,
  gamma: 0.99,
  targetNetworkFrequency: 1000,
  batchSize: 32,
  startE: 1,
  endE: 0.02,
  explorationSteps: 100_000,
  learningStarts: Number(args['learning-starts']),
  trainFrequency: 4,
  device: torch.resolveDevice('auto'),
};

// ---- the Q-network: Mnih et al. (2015) ----
function qNetwork(actions: number): torch.nn.Sequential {
  const { nn } = torch;
  return new nn.Sequential(
    new nn.Conv2d(4, 32, 8, { stride: 4 }), new nn.ReLU(),
    new nn.Conv2d(32, 64, 4, { stride: 2 }), new nn.ReLU(),
    new nn.Conv2d(64, 64, 3), new nn.ReLU(),
    new nn.Flatten(), new nn.Linear(3136, 512), new nn.ReLU(), new nn.Linear(512, actions),
  ).to(config.device);
}
const q = (net: torch.nn.Module, frames: torch.Tensor) => net.forward(frames.float().div(255));

const linearSchedule = (start: number, end: number, duration: number, t: number) => start + (end - start) * Math.min(1, t / duration);

async function main(): Promise<void> {
  torch.manualSeed(config.seed);
  torch.setNumThreads(1); // the env server shares this machine's cores
  const stadium = Stadium.connect(args.server!);
  const envs = await stadium.makeVec(config.envId, config.numEnvs, { kwargs: { preprocess: true, fire_reset: true } });
  const nActions = (envs.singleActionSpace as Discrete).n;
  const obsShape = [4, 84, 84];
  const frameSize = 4 * 84 * 84;

  const qNet = qNetwork(nActions);
  const targetNet = qNetwork(nActions);
  targetNet.copyFrom(qNet);
  const optimizer = new torch.optim.Adam(qNet.parameters(), { lr: config.learningRate });
  const rng = new CountingRng(config.seed);
  // One replay stream per env copy; each stack is stored as its newest frame where it continues the last one.
  const rb = new Replay({ capacity: config.bufferSize, nStep: 1, gamma: config.gamma, prioritized: null, frameStack: 4, streams: config.numEnvs }, { shape: obsShape, dtype: 'uint8' }, 1, config.device, rng);

  let obs = (await envs.reset({ seed: config.seed })).obs as Uint8Array;
  for (let i = 0; i < config.numEnvs; i++) rb.begin(obs.subarray(i * frameSize, (i + 1) * frameSize), i);
  const justReset = new Array<boolean>(config.numEnvs).fill(false);
  const episodeReturn = new Float64Array(config.numEnvs);
  const returns: number[] = [];
  const start = Date.now();
  let loss = NaN;

  for (let globalStep = 0; globalStep < config.totalTimesteps; globalStep += config.numEnvs) {
    // ---- act: ε-greedy over one batched forward pass ----
    const epsilon = linearSchedule(config.startE, config.endE, config.explorationSteps, globalStep);
    const greedy = torch.tidy(() => torch.noGrad(() => q(qNet, torch.tensor(obs, { shape: [config.numEnvs, ...obsShape], device: config.device })).argmax(1).toArray()));
    const actions = greedy.map((a) => (rng.random() < epsilon ? rng.integer(nActions) : a));
    const r = await envs.step(actions);
    const nextObs = r.obs as Uint8Array;

    // ---- record: a copy that ended last step was autoreset now (its action ignored): a new episode starts ----
    for (let i = 0; i < config.numEnvs; i++) {
      const next = nextObs.subarray(i * frameSize, (i + 1) * frameSize);
      if (justReset[i]) {
        rb.begin(next, i);
        justReset[i] = false;
        continue;
      }
      rb.add([actions[i]], r.rewards[i], next, r.terminated[i], r.truncated[i], i);
      episodeReturn[i] += r.rewards[i];
      if (r.terminated[i] || r.truncated[i]) {
        returns.push(episodeReturn[i]);
        episodeReturn[i] = 0;
        justReset[i] = true;
      }
    }
    obs = nextObs;

    // ---- learn: a gradient step every trainFrequency env steps towards r + γ max_a' Q_target(s', a') ----
    const crossed = (every: number) => Math.floor((globalStep + config.numEnvs) / every) - Math.floor(globalStep / every);
    for (let k = globalStep > config.learningStarts ? crossed(config.trainFrequency) : 0; k > 0; k--) {
      torch.tidy(() => {
        const b = rb.sample(config.batchSize);
        const target = torch.noGrad(() => b.rewards.add(b.discounts.mul(q(targetNet, b.nextObs).max(1).values)));
        const taken = q(qNet, b.obs).gather(1, b.actions.long()).squeeze(1);
        const l = torch.nn.mseLoss(taken, target);
        optimizer.zeroGrad();
        l.backward();
        optimizer.step();
        loss = l.item();
      });
    }
    if (crossed(config.targetNetworkFrequency)) targetNet.copyFrom(qNet);

    if (globalStep % 5000 < config.numEnvs && returns.length) {
      const recent = returns.slice(-100);
      const sps = Math.round(globalStep / ((Date.now() - start) / 1000));
      console.log(`step ${globalStep}  episodes ${returns.length}  return(100) ${(recent.reduce((a, b) => a + b, 0) / recent.length).toFixed(2)}  ε ${epsilon.toFixed(3)}  loss ${Number.isNaN(loss) ? '- (learning starts at ' + config.learningStarts + ')' : loss.toFixed(4)}  ${sps} steps/s`);
    }
  }
  await envs.close();
  stadium.close();
  console.log(`done: ${config.totalTimesteps} steps, ${returns.length} episodes, last loss ${loss.toFixed(4)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
