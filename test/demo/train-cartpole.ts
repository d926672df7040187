// npm run demo: starts an env server (with the live viewer) in this process, then trains DQN on CartPole-v1
// against it over gRPC with the progress bar, printing each episode's return and reporting loss and ε to the viewer. Every 5000 steps it plays 20 greedy episodes on a second
// session; it stops once they average 475 (Gymnasium's reward threshold for CartPole-v1) or after 100k steps.

import { StadiumServer } from '../../env-server/server.js';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { Logger } from '../../env-server/log.js';
import { Stadium } from '../../agent-client/client.js';
import { createAgent } from '../../agent-client/agents/registry.js';
import { evaluate, mean, train } from '../../agent-client/agents/common/loop.js';
import { RunLog } from '../../agent-client/agents/common/run-log.js';

const TARGET = 475;
const viewerPort = Number(process.env.STADIUM_VIEWER_PORT ?? 8080);
const server = new StadiumServer(defaultRegistry(), { port: 0, logger: new Logger('silent'), viewer: { port: viewerPort } });
const port = await server.start();
const address = `127.0.0.1:${port}`;
process.stdout.write(`env server listening on ${address}; watch the agent learn at http://127.0.0.1:${server.viewer!.port}/ (live viewer)\n`);
process.stdout.write(`training DQN on CartPole-v1 (CPU) until greedy play averages ${TARGET}\n`);
const stadium = Stadium.connect(address);
let stop = false;
process.on('SIGINT', () => (stop = true));
try {
  const env = await stadium.make('CartPole-v1');
  const evalEnv = await stadium.make('CartPole-v1');
  const agent = createAgent('dqn', { envId: 'CartPole-v1', observationSpace: env.observationSpace, actionSpace: env.actionSpace }, { seed: 1, device: 'cpu' });
  const log = new RunLog(null, 100_000);
  const tty = process.stderr.isTTY;
  let nextCheck = 5000;
  let solved: number | null = null;
  await train(env, agent, {
    steps: 100_000,
    seed: 1,
    shouldStop: () => (log.tick(agent.steps, agent.metrics()), stop),
    onEpisode: async (e) => {
      log.episode(e);
      await env.report(agent.metrics(), agent.steps);
      process.stderr.write(`${tty ? '\r\x1b[2K' : ''}episode ${String(log.episodes).padStart(4)}  step ${String(e.step).padStart(6)}  return ${String(e.return).padStart(5)}  mean(100) ${log.meanReturn.toFixed(1)}\n`);
      if (agent.steps < nextCheck) return false;
      nextCheck += 5000;
      const greedy = mean(await evaluate(evalEnv, agent, 20, agent.steps));
      process.stderr.write(`greedy play at step ${agent.steps}: mean return ${greedy.toFixed(1)} over 20 episodes\n`);
      if (greedy >= TARGET) solved = agent.steps;
      return solved !== null;
    },
  });
  log.close();
  process.stdout.write(solved !== null ? `solved after ${solved} env steps\n` : `not solved after ${agent.steps} env steps\n`);
  agent.dispose();
} finally {
  stadium.close();
  await server.shutdown(1000);
}
