// A short version of the soak's load phase: 1,000 sessions over 50 connections held for ~20 s (STADIUM_LOAD_SECONDS
// changes it) against a server process, every request answered, the server's memory not growing without bound.

import t from 'tap';
import { spawnServer } from '../support/spawn-server.js';
import { holdSessions } from './load.js';

t.test('1,000 concurrent sessions held with no lost responses', async (t) => {
  const s = await spawnServer(['--port', '0'], {
    STADIUM_MAX_SESSIONS: '1000',
    STADIUM_MAX_SESSIONS_PER_CLIENT: '1000',
    STADIUM_MAX_STREAMS_PER_CLIENT: '1000',
  });
  t.teardown(() => s.kill());
  const r = await holdSessions({
    address: `127.0.0.1:${s.port}`,
    sessions: 1000,
    connections: 50,
    holdMs: Number(process.env.STADIUM_LOAD_SECONDS ?? 20) * 1000,
    paceMs: 250,
    serverPid: s.proc.pid!,
  });
  t.comment(JSON.stringify(r));
  t.equal(r.sessions, 1000, '1,000 sessions held at once');
  t.same(r.failures, [], 'no request failed');
  t.equal(r.answered, r.sent, `every request was answered (${r.answered})`);
  t.ok(r.stepsPerSecond > 500, `sessions kept stepping (${r.stepsPerSecond} steps/s)`);
  t.ok(r.rssEndMiB < r.rssStartMiB * 1.5 + 64, `server RSS ${r.rssStartMiB} MiB -> ${r.rssEndMiB} MiB (peak ${r.rssPeakMiB})`);
});
