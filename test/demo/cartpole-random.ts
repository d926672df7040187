// The README's first demo: starts `stadium serve` as its own process, connects a client, and plays CartPole-v1
// with a random policy, printing each episode's return.

import { Stadium } from '../../agent-client/client.js';
import { spawnServer } from '../support/spawn-server.js';

const EPISODES = Number(process.env.EPISODES ?? 10);

const server = await spawnServer();
console.log(`stadium server listening on ${server.address}`);
const stadium = Stadium.connect(server.address);
try {
  const env = await stadium.make('CartPole-v1');
  console.log(`made CartPole-v1: observations ${env.observationSpace}, actions ${env.actionSpace}`);
  env.actionSpace.seed(0);
  for (let ep = 0; ep < EPISODES; ep++) {
    await env.reset({ seed: ep });
    let ret = 0;
    let steps = 0;
    for (;;) {
      const s = await env.step(env.actionSpace.sample());
      ret += s.reward;
      steps++;
      if (s.terminated || s.truncated) break;
    }
    console.log(`episode ${ep + 1}: return ${ret} in ${steps} steps`);
  }
  await env.close();
} finally {
  stadium.close();
  await server.stop();
}
