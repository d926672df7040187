// Shared by the viewer tests: a server with the viewer on a free port, a CartPole agent stepping it, and a
// WebSocket viewer client that collects what the server sends.

import type { Test } from 'tap';
import WebSocket from 'ws';
import { startServer } from '../support/server.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import type { ServerOptions } from '../../env-server/server.js';
import type { RemoteEnv } from '../../agent-client/client.js';

export async function startViewerServer(t: Test, viewer: Partial<NonNullable<ServerOptions['viewer']>> = {}, opts: ServerOptions = {}) {
  const started = await startServer(t, [...classicEnvs], { viewer: { port: 0, ...viewer }, ...opts });
  const viewerPort = started.server.viewer!.port;
  return { ...started, viewerPort, pageUrl: `http://127.0.0.1:${viewerPort}/`, wsUrl: `ws://127.0.0.1:${viewerPort}/ws` };
}

/** Steps `env` with alternating actions, resetting after each episode, until `stop()`; reports every 50 steps. */
export function runAgent(env: RemoteEnv, opts: { report?: boolean; delayMs?: number } = {}) {
  let running = true;
  let steps = 0;
  const done = (async () => {
    await env.reset({ seed: 1 });
    while (running) {
      const r = await env.step(steps % 2);
      steps++;
      if (opts.report && steps % 50 === 0) await env.report({ loss: 1 / steps, epsilon: Math.max(0.05, 1 - steps / 1000) });
      if (r.terminated || r.truncated) await env.reset();
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    }
  })();
  return {
    get steps() {
      return steps;
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

export interface Received {
  text: Record<string, unknown>[];
  binary: { header: Record<string, unknown>; payload: Buffer }[];
}

export function decodeBinary(data: Buffer): { header: Record<string, unknown>; payload: Buffer } {
  const n = data.readUInt32LE(0);
  return { header: JSON.parse(data.subarray(4, 4 + n).toString('utf8')), payload: data.subarray(4 + n) };
}

/** A viewer over a raw WebSocket; `until` waits for a message matching a predicate. */
export async function openViewer(t: Test, url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const got: Received = { text: [], binary: [] };
  const waiters: { match: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  ws.on('message', (data: Buffer, isBinary) => {
    const msg = isBinary ? decodeBinary(data) : { header: JSON.parse(data.toString()) as Record<string, unknown>, payload: Buffer.alloc(0) };
    if (isBinary) got.binary.push(msg);
    else got.text.push(msg.header);
    for (const w of waiters.splice(0)) {
      if (w.match(msg.header)) w.resolve({ ...msg.header, payload: msg.payload });
      else waiters.push(w);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  t.teardown(() => ws.terminate());
  const until = (match: (m: Record<string, unknown>) => boolean, timeoutMs = 10_000) =>
    new Promise<Record<string, unknown> & { payload: Buffer }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching viewer message within the time limit')), timeoutMs);
      waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m as never)) });
    });
  const send = (msg: unknown) => ws.send(JSON.stringify(msg));
  return { ws, got, until, send };
}

/** The HTTP status a refused WebSocket handshake got (the `ws` client reports it as 'unexpected-response'). */
export function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error('the handshake was accepted'));
    });
    ws.on('error', () => {});
  });
}
