// A bounded fuzzing run (STADIUM_FUZZ_SECONDS, default 15) against a loopback server: every random, mutated or
// well-formed-but-hostile request is answered with a status, none with INTERNAL or UNKNOWN, none left unanswered,
// and health and a bystander session stay fine throughout.

import t from 'tap';
import { startServer } from '../support/server.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { fuzz } from './fuzz.js';
import { check, healthClient } from '../net/health.js';

t.test('fuzzing every RPC', async (t) => {
  const { address } = await startServer(t, [...classicEnvs]);
  const r = await fuzz(address, Number(process.env.STADIUM_FUZZ_SECONDS ?? 15), 7);
  t.comment(JSON.stringify({ requests: r.requests, byCode: r.byCode }));
  t.ok(r.requests > 1000, `${r.requests} requests fuzzed`);
  t.same(r.failures.slice(0, 10), [], 'every request got a status other than INTERNAL/UNKNOWN/DEADLINE_EXCEEDED');
  for (const code of ['OK', 'INVALID_ARGUMENT', 'NOT_FOUND']) t.ok(r.byCode[code] > 0, `some requests were answered ${code}`);
  const health = healthClient(address);
  t.equal(await check(health), 'SERVING', 'the server is healthy afterwards');
  health.close();
});
