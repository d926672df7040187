// Issue 12's error fixes, each stated with its expected code and message: the seed range holds exactly at its
// ends, an option error names the id once, reset options answer INVALID_ARGUMENT, and nothing a client sends is
// quoted back without bound.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { startServer } from '../support/server.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { rejectsWith } from '../support/expect.js';

t.test('the seed range is [0, 2^53 - num_envs], ends included', async (t) => {
  const { connect } = await startServer(t, [...classicEnvs]);
  const stadium = connect();
  const one = await stadium.make('CartPole-v1');
  await one.reset({ seed: Number.MAX_SAFE_INTEGER });
  t.pass('2^53 - 1 seeds a single env');
  const three = await stadium.makeVec('CartPole-v1', 3);
  const top = Number.MAX_SAFE_INTEGER - 2;
  t.equal(((await three.reset({ seed: top })).obs as Float32Array).length, 12, '2^53 - 3 seeds three copies (the last gets 2^53 - 1)');
  await rejectsWith(t, three.reset({ seed: top + 1 }), status.INVALID_ARGUMENT, /^seed must be an integer in \[0, 2\^53 - 3\] for 3 copies \(copy i is seeded seed \+ i\), got 9007199254740990$/, 'one more is refused, saying the range for this session');
  await rejectsWith(t, one.reset({ seed: 2 ** 53 }), status.INVALID_ARGUMENT, /^seed must be an integer in \[0, 2\^53 - 1\], got 9007199254740992$/, '2^53 for a single env');
});

t.test('option errors: INVALID_ARGUMENT, the id named once, values clipped', async (t) => {
  const { connect } = await startServer(t, [...classicEnvs]);
  const stadium = connect();
  await rejectsWith(t, stadium.make('FrozenLake-v1', { kwargs: { map_name: '5x5' } }), status.INVALID_ARGUMENT, /^FrozenLake-v1: option 'map_name' must be/, 'a make option');
  const lake = await stadium.make('FrozenLake-v1', { kwargs: { map_name: '4x4' } });
  t.ok(lake.sessionId, 'a good one is accepted');
  const cart = await stadium.make('CartPole-v1');
  await rejectsWith(t, cart.reset({ options: { low: 1, high: 0 } }), status.INVALID_ARGUMENT, /^CartPole-v1: reset option 'low' \(1\) must not exceed 'high' \(0\)$/, 'reset options out of order');
  await rejectsWith(t, cart.reset({ options: { low: 'abc' } }), status.INVALID_ARGUMENT, /^CartPole-v1: reset option 'low' must be a finite number, got "abc"$/, 'a reset option of the wrong type');
  const long = 'z'.repeat(5000);
  await rejectsWith(t, cart.reset({ options: { high: long } }), status.INVALID_ARGUMENT, /got "z{63}…$/, 'a long value is quoted cut short');
  t.equal((await cart.reset({ seed: 1, options: { low: -0.01, high: 0.01 } })).obs instanceof Float32Array, true, 'and the session still resets');
});
