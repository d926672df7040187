// The agent side of the multi-host test, run inside the client's network namespace: spreads a vector env over
// the servers of `target`, steps it, and reports on stdout (JSON lines) when it is running, and how it ended.
// argv: target, shards, recreateLost ('1' or '0'), steps to take after the first loss.

import { Stadium, StadiumError } from '../../agent-client/client.js';
import { MultiVectorEnv } from '../../agent-client/multi-vector-env.js';

const [target, shards, recreate, after] = process.argv.slice(2);
const say = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
const stadium = Stadium.connect(target, { connectTimeoutMs: 5000, timeoutMs: 10_000 });
await stadium.listEnvs();
// round_robin reports READY when the first server is; give the others a moment to connect too.
await new Promise((r) => setTimeout(r, 500));
const vec = await MultiVectorEnv.make(stadium, 'CartPole-v1', 2 * Number(shards), { shards: Number(shards), recreateLost: recreate === '1' });
await vec.reset({ seed: 0 });
const actions = Array.from({ length: vec.numEnvs }, (_, i) => i % 2);
let steps = 0;
let sinceLoss = -1;
try {
  for (;;) {
    await vec.step(actions);
    steps++;
    if (steps === 5) say({ event: 'running', servers: vec.servers });
    if (vec.losses.length && sinceLoss < 0) sinceLoss = 0;
    if (sinceLoss >= 0 && ++sinceLoss > Number(after)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  say({ event: 'done', steps, losses: vec.losses.map((l) => ({ server: l.server, replacement: l.replacement, code: l.error.code, message: l.error.message })) });
} catch (e) {
  say({ event: 'error', steps, code: e instanceof StadiumError ? e.code : -1, message: (e as Error).message });
}
await vec.close();
stadium.close();
