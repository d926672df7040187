// npm run demo: starts an env server in this process, then trains DQN on CartPole-v1 against it over gRPC with
// the progress bar until the last 100 episodes average 475 (Gymnasium's reward threshold) or 100k steps pass,
// printing each episode's return, and finishes with a greedy evaluation.

import { StadiumServer } from '../../env-server/server.js';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { Logger } from '../../env-server/log.js';
import { runTraining } from '../../agent-client/agents/run.js';
import { mean } from '../../agent-client/agents/common/loop.js';

const server = new StadiumServer(defaultRegistry(), { port: 0, logger: new Logger('silent') });
const port = await server.start();
process.stdout.write(`env server listening on 127.0.0.1:${port}; training DQN on CartPole-v1 (CPU)\n`);
const signal = { stop: false };
process.on('SIGINT', () => (signal.stop = true));
const tty = process.stderr.isTTY;
try {
  const result = await runTraining(
    {
      agent: 'dqn',
      env: 'CartPole-v1',
      server: `127.0.0.1:${port}`,
      device: 'cpu',
      steps: 100_000,
      seed: 1,
      runDir: null,
      stopAtReturn: 475,
      evalEpisodes: 20,
      onEpisode: (e, log) => {
        const line = `episode ${String(log.episodes).padStart(4)}  step ${String(e.step).padStart(6)}  return ${String(e.return).padStart(5)}  mean(100) ${log.meanReturn.toFixed(1)}`;
        process.stderr.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
      },
    },
    signal,
  );
  const last = result.episodes.slice(-100).map((e) => e.return);
  process.stdout.write(`\n${mean(last) >= 475 ? 'solved' : 'stopped'} after ${result.agent.steps} steps: mean return of the last 100 episodes ${mean(last).toFixed(1)}\n`);
  if (result.evalReturns.length) process.stdout.write(`greedy evaluation, ${result.evalReturns.length} episodes: mean return ${mean(result.evalReturns).toFixed(1)}\n`);
  result.agent.dispose();
} finally {
  await server.shutdown(1000);
}
