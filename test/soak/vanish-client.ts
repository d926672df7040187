// A client that is killed mid-stream: makes `sessions` stream sessions on the server at argv[2], prints 'ready'
// and then steps them all without pause until something kills it.

import { Stadium } from '../../agent-client/client.js';

const [address, n] = [process.argv[2], Number(process.argv[3] ?? 1)];
const stadium = Stadium.connect(address);
const envs = await Promise.all(Array.from({ length: n }, () => stadium.make('CartPole-v1')));
await Promise.all(envs.map((e) => e.reset()));
process.stdout.write('ready\n');
await Promise.all(
  envs.map(async (env) => {
    for (;;) {
      const r = await env.step(0);
      if (r.terminated || r.truncated) await env.reset();
    }
  }),
);
