// Load: many sessions over many connections, all held open and stepping at a steady pace for a bounded time,
// counting every request sent and every answer, and sampling the server process's resident memory.

import { readFileSync } from 'node:fs';
import { Stadium, type RemoteEnv } from '../../agent-client/client.js';

export interface LoadOptions {
  address: string;
  sessions: number;
  connections: number;
  holdMs: number;
  /** Each session steps once per `paceMs` (plus the request's own time). */
  paceMs: number;
  /** The server's process id, to sample its RSS. */
  serverPid: number;
  /** Called every second while holding, e.g. to inject faults. */
  tick?: (elapsedMs: number) => Promise<void> | void;
}

export interface LoadReport {
  sessions: number;
  connections: number;
  heldMs: number;
  sent: number;
  answered: number;
  failures: string[];
  /** RSS in MiB once every session was made, at the end, and the largest sample. */
  rssStartMiB: number;
  rssEndMiB: number;
  rssPeakMiB: number;
  stepsPerSecond: number;
}

export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function holdSessions(o: LoadOptions): Promise<LoadReport> {
  const stadiums = Array.from({ length: o.connections }, () => Stadium.connect(o.address, { timeoutMs: 60_000 }));
  const r: LoadReport = { sessions: 0, connections: o.connections, heldMs: 0, sent: 0, answered: 0, failures: [], rssStartMiB: 0, rssEndMiB: 0, rssPeakMiB: 0, stepsPerSecond: 0 };
  const envs: RemoteEnv[] = [];
  // Make in waves of one per connection so no connection is flooded before its peers get a turn.
  for (let i = 0; i < o.sessions; i += o.connections) {
    const wave = await Promise.all(
      stadiums.slice(0, Math.min(o.connections, o.sessions - i)).map(async (s, k) => {
        const env = await s.make('CartPole-v1', { transport: (i + k) % 5 === 4 ? 'unary' : 'stream' });
        await env.reset({ seed: i + k });
        return env;
      }),
    );
    envs.push(...wave);
  }
  r.sessions = envs.length;
  r.rssStartMiB = r.rssPeakMiB = rssMiB(o.serverPid);
  const t0 = Date.now();
  let holding = true;
  const loops = envs.map(async (env, i) => {
    await sleep((i * o.paceMs) / envs.length);
    while (holding) {
      r.sent++;
      try {
        const s = await env.step(i % 2);
        r.answered++;
        if (s.terminated || s.truncated) {
          r.sent++;
          await env.reset();
          r.answered++;
        }
      } catch (e) {
        r.failures.push((e as Error).message);
        return;
      }
      await sleep(o.paceMs);
    }
  });
  while (Date.now() - t0 < o.holdMs) {
    await sleep(1000);
    r.rssPeakMiB = Math.max(r.rssPeakMiB, rssMiB(o.serverPid));
    await o.tick?.(Date.now() - t0);
  }
  holding = false;
  await Promise.all(loops);
  r.heldMs = Date.now() - t0;
  r.rssEndMiB = rssMiB(o.serverPid);
  r.stepsPerSecond = Math.round(r.answered / (r.heldMs / 1000));
  await Promise.allSettled(envs.map((e) => e.close()));
  for (const s of stadiums) s.close();
  return r;
}
