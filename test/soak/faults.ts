// Faults a server meets on a real network, shared by the soak run and the fault tests: clients that vanish in the
// middle of their streams (killed processes), half-open connections (TCP sockets that never finish HTTP/2 and go
// silent), and a SIGTERM while clients are busy.

import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { Stadium, StadiumError } from '../../agent-client/client.js';

const VANISH_CLIENT = fileURLToPath(new URL('./vanish-client.js', import.meta.url));

/** Starts `clients` processes with `sessions` stepping stream sessions each, then SIGKILLs them all mid-stream. */
export async function vanishingClients(address: string, clients: number, sessions: number): Promise<void> {
  await Promise.all(
    Array.from({ length: clients }, () => {
      const p = spawn(process.execPath, [VANISH_CLIENT, address, String(sessions)], { stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<void>((resolve, reject) => {
        p.stdout!.once('data', () => {
          setTimeout(() => p.kill('SIGKILL'), 100);
        });
        p.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`vanishing client exited on its own (${code})`))));
      });
    }),
  );
}

const PREFACE = Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])]);

/**
 * Opens `n` TCP connections that never complete a gRPC call: half say nothing at all, half send the HTTP/2
 * preface and an empty SETTINGS frame and then fall silent (never answering pings). Resolves with how long the
 * server took to close each, or -1 for those still open after `waitMs`.
 */
export async function halfOpen(port: number, host: string, n: number, waitMs: number): Promise<number[]> {
  const t0 = Date.now();
  return Promise.all(
    Array.from({ length: n }, (_, i) => {
      const s = connect(port, host);
      s.on('connect', () => i % 2 && s.write(PREFACE));
      s.on('data', () => {});
      s.on('error', () => {});
      return new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          s.destroy();
          resolve(-1);
        }, waitMs);
        s.on('close', () => {
          clearTimeout(timer);
          resolve(Date.now() - t0);
        });
      });
    }),
  );
}

export interface Outcomes {
  answered: number;
  /** Failed with UNAVAILABLE or CANCELLED: the server said it was going away. */
  failedCleanly: number;
  /** Failed any other way. */
  other: string[];
}

/**
 * Keeps `sessions` vector sessions of two CartPoles (over `connections` channels; every fourth unary, the rest
 * streams) stepping with `depth` requests in flight each until `stop()` is called or every session failed;
 * every request's outcome is counted. Vector sessions reset themselves, so pipelined steps never hit an ended
 * episode.
 */
export function busyClients(address: string, connections: number, sessions: number, depth: number) {
  const out: Outcomes = { answered: 0, failedCleanly: 0, other: [] };
  const stadiums = Array.from({ length: connections }, () => Stadium.connect(address, { timeoutMs: 15_000 }));
  let stopping = false;
  const ready = Promise.all(
    Array.from({ length: sessions }, async (_, i) => {
      const env = await stadiums[i % connections].makeVec('CartPole-v1', 2, { transport: i % 4 === 3 ? 'unary' : 'stream' });
      await env.reset();
      return env;
    }),
  );
  const done = ready.then((envs) =>
    Promise.all(
      envs.map(async (env) => {
        for (let alive = true; alive && !stopping; ) {
          const batch = await Promise.allSettled(Array.from({ length: depth }, () => env.step([0, 1])));
          for (const r of batch) {
            if (r.status === 'fulfilled') out.answered++;
            else {
              alive = false;
              const e = r.reason as StadiumError;
              if (e instanceof StadiumError && (e.code === status.UNAVAILABLE || e.code === status.CANCELLED)) out.failedCleanly++;
              else out.other.push(`${e instanceof StadiumError ? status[e.code] : ''} ${(e as Error).message}`);
            }
          }
        }
      }),
    ),
  );
  return {
    out,
    ready,
    done,
    stop: async () => {
      stopping = true;
      await done;
      for (const s of stadiums) s.close();
    },
  };
}
