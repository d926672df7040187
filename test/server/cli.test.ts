// `stadium serve` as a process: bad flags are refused with a message, and SIGTERM shuts down cleanly, failing the
// open stream with UNAVAILABLE and exiting 0.

import t from 'tap';
import { spawnSync } from 'node:child_process';
import { status } from '@grpc/grpc-js';
import { CLI, spawnServer } from '../support/spawn-server.js';
import { Stadium, StadiumError } from '../../agent-client/client.js';

t.test('bad flags are refused with what is allowed', async (t) => {
  const r = spawnSync(process.execPath, [CLI, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
  t.equal(r.status, 2);
  t.match(r.stderr, /--port must be an integer >= 0, got 'eighty'/);
  const u = spawnSync(process.execPath, [CLI, 'bogus'], { encoding: 'utf8' });
  t.equal(u.status, 2);
  t.match(u.stdout, /commands: serve/);
});

t.test('SIGTERM closes sessions and exits 0', async (t) => {
  const server = await spawnServer(['--port', '0']);
  const stadium = Stadium.connect(`127.0.0.1:${server.port}`);
  t.teardown(() => stadium.close());
  const env = await stadium.make('CartPole-v1');
  await env.reset({ seed: 1 });
  await env.step(0);
  t.equal(await server.kill('SIGTERM'), 0, 'exit code 0');
  try {
    await env.step(1);
    t.fail('stepping after shutdown should fail');
  } catch (e) {
    t.equal((e as StadiumError).code, status.UNAVAILABLE, 'the open stream failed with UNAVAILABLE');
  }
});
