// Issue 12's misbehaviours, from a second client process with stock grpc-js settings whose one connection also
// carries well-behaved sessions: every error is answered with the right code in at most 1 KiB, and after each one
// every well-behaved session still steps. An oversized message ends only the stream that sent it (grpc-js cannot
// skip a message it refused to read; see the README's "Errors").

import t from 'tap';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { startServer } from '../support/server.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { MAX_STATUS_BYTES } from '../../env-server/errors.js';

const CHILD = fileURLToPath(new URL('./rude-client.js', import.meta.url));
const MAX_MESSAGE = 2 * 1024 * 1024;

t.test('a misbehaving caller disturbs nothing on its shared connection', async (t) => {
  const { address, server, connect } = await startServer(t, [...classicEnvs], { maxMessageBytes: MAX_MESSAGE });
  const internal: unknown[] = [];
  const logError = server.log.error.bind(server.log);
  server.log.error = (msg: string, fields?: Record<string, unknown>) => {
    internal.push({ msg, fields });
    logError(msg, fields);
  };
  const out = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, [CHILD, address, String(MAX_MESSAGE)], { timeout: 120_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
  );
  const { good, report, rudeSessionAfter } = JSON.parse(out) as {
    good: number;
    report: { name: string; code: number; detailsBytes: number; details: string; goodAfter: number }[];
    rudeSessionAfter: number;
  };
  const expected: Record<string, [status, RegExp]> = {
    'step with a 1 MiB session id': [status.NOT_FOUND, /^unknown session x{64}…; make one first$/],
    'make with a 6,000-character env id': [status.NOT_FOUND, /^unknown environment id 'E{64}…'; available: /],
    'make with a misspelt id': [status.NOT_FOUND, /^unknown environment id 'CartPol-v1'; available: CartPole-v1, /],
    'make with 500 unknown options': [status.INVALID_ARGUMENT, /^unknown options .* and 495 more for CartPole-v1; allowed: sutton_barto_reward/],
    'reset options {low: 1, high: 0}': [status.INVALID_ARGUMENT, /^CartPole-v1: reset option 'low' \(1\) must not exceed 'high' \(0\)$/],
    "reset options {low: 'abc'}": [status.INVALID_ARGUMENT, /^CartPole-v1: reset option 'low' must be a finite number, got "(abc)+…$/],
    'a seed of 2^53 - 1 for one env': [status.OK, /^$/],
    'garbage to grpc.health.v1 Check': [status.INVALID_ARGUMENT, /^the request is not a valid grpc\.health\.v1\.HealthCheckRequest message/],
    'a 6,000-character health service name': [status.INVALID_ARGUMENT, /^health service names have at most 200 characters, got 6000$/],
    'an oversized message on its own stream': [status.RESOURCE_EXHAUSTED, /^$/],
  };
  t.same(report.map((r) => r.name), Object.keys(expected), 'every case ran');
  for (const r of report) {
    const [code, pattern] = expected[r.name];
    t.equal(r.code, code, `${r.name}: ${status[code]} (got ${status[r.code]} ${r.details.slice(0, 120)})`);
    t.match(r.details, pattern, `${r.name}: says what was wrong`);
    t.ok(r.detailsBytes <= MAX_STATUS_BYTES, `${r.name}: ${r.detailsBytes} bytes of message, within 1 KiB`);
    t.equal(r.goodAfter, good, `${r.name}: all ${good} well-behaved sessions step on`);
  }
  t.equal(rudeSessionAfter, status.NOT_FOUND, "the oversized message's stream ended and took its own session with it");
  t.same(internal, [], 'nothing was logged as a server error');
  t.equal([...server.service.sessions.values()].filter((s) => s.owner.startsWith('unary:')).length, 4, "the child's unary sessions outlive its connection");
  const env = await connect().make('CartPole-v1');
  await env.reset({ seed: 1 });
  t.equal((await env.step(0)).terminated, false, 'and the server takes new ones');
});
