// `npm run soak`: the long run. A server process holds --sessions sessions over --connections connections for
// --minutes (default 10) while faults are injected every 30 s (clients killed mid-stream, half-open connections)
// and the fuzzer runs for the first --fuzz-seconds; it ends with a SIGTERM under load. Prints the figures
// (sessions held, RSS at start/end, requests answered and fuzzed, failures) and exits non-zero on any failure.

import { parseArgs } from 'node:util';
import { spawnServer } from '../support/spawn-server.js';
import { busyClients, halfOpen, vanishingClients } from './faults.js';
import { fuzz, type FuzzReport } from './fuzz.js';
import { holdSessions, rssMiB } from './load.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    sessions: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '50' },
    'pace-ms': { type: 'string', default: '250' },
    'fuzz-seconds': { type: 'string', default: '60' },
    // Caps the server's V8 old space: garbage is then collected, and a leak ends the run with an out-of-memory crash.
    'server-heap-mib': { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const sessions = Number(values.sessions);
const log = (msg: string) => console.error(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const server = await spawnServer(['--port', '0', '--idle-timeout', '30', '--keepalive-time', '10', '--keepalive-timeout', '5'], {
  STADIUM_MAX_SESSIONS: String(sessions * 3),
  STADIUM_MAX_SESSIONS_PER_CLIENT: String(sessions * 3),
  STADIUM_MAX_STREAMS_PER_CLIENT: String(sessions * 3),
  ...(values['server-heap-mib'] ? { NODE_OPTIONS: `--max-old-space-size=${values['server-heap-mib']}` } : {}),
});
const address = `127.0.0.1:${server.port}`;
log(`server pid ${server.proc.pid} on ${address}, RSS ${rssMiB(server.proc.pid!)} MiB; holding ${sessions} sessions for ${minutes} min`);

const failures: string[] = [];
const faults = { vanishedClients: 0, halfOpen: 0, halfOpenReaped: 0 };
const pending: Promise<void>[] = [];
let fuzzed: FuzzReport | null = null;
let lastFault = 0;
let fuzzStarted = false;
const load = await holdSessions({
  address,
  sessions,
  connections: Number(values.connections),
  holdMs: minutes * 60_000,
  paceMs: Number(values['pace-ms']),
  serverPid: server.proc.pid!,
  tick: (ms) => {
    if (!fuzzStarted) {
      fuzzStarted = true;
      log(`all sessions made; server RSS ${rssMiB(server.proc.pid!)} MiB; fuzzing for ${values['fuzz-seconds']} s`);
      pending.push(fuzz(address, Number(values['fuzz-seconds']), 11).then((r) => void (fuzzed = r)));
    }
    if (ms - lastFault < 30_000) return;
    lastFault = ms;
    log(`${Math.round(ms / 1000)} s: server RSS ${rssMiB(server.proc.pid!)} MiB; killing 2 clients mid-stream, opening 20 half-open connections`);
    pending.push(
      vanishingClients(address, 2, 10).then(
        () => void (faults.vanishedClients += 2),
        (e) => void failures.push(`vanishing clients: ${(e as Error).message}`),
      ),
    );
    pending.push(
      halfOpen(server.port, '127.0.0.1', 20, 25_000).then((closed) => {
        faults.halfOpen += closed.length;
        faults.halfOpenReaped += closed.filter((x) => x >= 0).length;
      }),
    );
  },
});
await Promise.all(pending);
log(`held ${load.sessions} sessions for ${Math.round(load.heldMs / 1000)} s; SIGTERM under load`);

const busy = busyClients(address, 4, 40, 4);
await busy.ready;
await new Promise((r) => setTimeout(r, 1000));
server.proc.kill('SIGTERM');
const exitCode = await Promise.race([server.exited, new Promise<string>((r) => setTimeout(() => r('still running 15 s after SIGTERM'), 15_000))]);
await busy.stop();

const fz = fuzzed as FuzzReport | null;
const report = {
  minutes,
  sessionsHeld: load.sessions,
  connections: load.connections,
  requestsSent: load.sent,
  requestsAnswered: load.answered,
  stepsPerSecond: load.stepsPerSecond,
  rssStartMiB: load.rssStartMiB,
  rssEndMiB: load.rssEndMiB,
  rssPeakMiB: load.rssPeakMiB,
  rssDriftMiB: Math.round((load.rssEndMiB - load.rssStartMiB) * 10) / 10,
  faults,
  fuzz: fz ? { requests: fz.requests, byCode: fz.byCode, failures: fz.failures.length } : null,
  sigterm: { exitCode, answered: busy.out.answered, failedCleanly: busy.out.failedCleanly, failedOtherwise: busy.out.other.length },
};
failures.push(...load.failures.map((f) => `load: ${f}`));
if (load.answered !== load.sent) failures.push(`load: ${load.sent - load.answered} requests never answered`);
if (faults.halfOpenReaped !== faults.halfOpen) failures.push(`${faults.halfOpen - faults.halfOpenReaped} half-open connections were not reaped`);
if (fz) failures.push(...fz.failures.map((f) => `fuzz: ${f}`));
if (exitCode !== 0) failures.push(`server after SIGTERM: ${exitCode}`);
failures.push(...busy.out.other.map((f) => `SIGTERM: ${f}`));
console.log(JSON.stringify({ ...report, failures }, null, 2));
if (exitCode !== 0) await server.kill();
process.exit(failures.length ? 1 : 0);
