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
  t.match(r.stderr, /--port must be an integer in \[0, 65535\], got 'eighty'/);
  const u = spawnSync(process.execPath, [CLI, 'bogus'], { encoding: 'utf8' });
  t.equal(u.status, 2);
  t.match(u.stdout, /commands: serve/);
});

t.test('a port already in use is named with its flag and what to do', async (t) => {
  const holder = await spawnServer(['--port', '0']);
  t.teardown(() => holder.kill('SIGTERM'));
  for (const flag of ['--port', '--health-port', '--viewer-port']) {
    const args = flag === '--port' ? ['--port', String(holder.port)] : ['--port', '0', flag, String(holder.port)];
    const r = spawnSync(process.execPath, [CLI, 'serve', ...args], { encoding: 'utf8', timeout: 20_000 });
    t.equal(r.status, 1, `${flag}: exit status 1`);
    t.match(r.stderr, `stadium serve: 127.0.0.1:${holder.port} (${flag}) is already in use; stop what holds it, or choose another port (0 picks a free one)`);
  }
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
