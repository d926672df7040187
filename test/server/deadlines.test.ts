// Client deadlines against a server that never answers a step: both transports fail the request with
// DEADLINE_EXCEEDED after `timeoutMs`, and a stream that missed a deadline refuses later requests instead of
// pairing them with stale answers.

import t, { type Test } from 'tap';
import { Server, ServerCredentials, status, type ServerDuplexStream, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { EnvironmentsService } from '../../proto/load.js';
import { Stadium, StadiumError } from '../../agent-client/client.js';

const SPEC = { id: 'Silent-v0', observationSpace: { discrete: { n: 2, start: 0 } }, actionSpace: { discrete: { n: 2, start: 0 } }, options: [] };
const MADE = { sessionId: 's', spec: SPEC, numEnvs: 1 };

async function silentServer(t: Test) {
  const server = new Server();
  server.addService(EnvironmentsService.service, {
    Make: (_c: ServerUnaryCall<unknown, unknown>, cb: sendUnaryData<unknown>) => cb(null, MADE),
    Step: () => {},
    Session: (call: ServerDuplexStream<{ payload: string }, unknown>) => {
      call.on('data', (req) => {
        if (req.payload === 'make') call.write({ make: MADE });
      });
      call.on('end', () => call.end());
    },
  } as never);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  t.teardown(() => server.forceShutdown());
  return `127.0.0.1:${port}`;
}

for (const transport of ['stream', 'unary'] as const) {
  t.test(`a step with no answer fails after timeoutMs (${transport})`, async (t) => {
    const stadium = Stadium.connect(await silentServer(t), { timeoutMs: 300 });
    t.teardown(() => stadium.close());
    const env = await stadium.make('Silent-v0', { transport });
    const started = performance.now();
    const err = await env.step(1).then(
      () => null,
      (e: StadiumError) => e,
    );
    const waited = performance.now() - started;
    t.equal(err?.code, status.DEADLINE_EXCEEDED, 'DEADLINE_EXCEEDED');
    t.ok(waited >= 250 && waited < 5000, `failed after the deadline (${waited.toFixed(0)} ms)`);
    if (transport === 'stream') {
      await t.rejects(env.step(0), { code: status.DEADLINE_EXCEEDED }, 'the stream refuses later requests');
      t.match(err?.message, /step got no answer .* within 300 ms; the session stream was cancelled/);
    }
  });
}

t.test('pipelined requests share one deadline watchdog and all fail together', async (t) => {
  const stadium = Stadium.connect(await silentServer(t), { timeoutMs: 200 });
  t.teardown(() => stadium.close());
  const env = await stadium.make('Silent-v0');
  const results = await Promise.allSettled([env.step(0), env.step(1), env.step(0)]);
  t.same(
    results.map((r) => (r.status === 'rejected' ? (r.reason as StadiumError).code : 'ok')),
    [status.DEADLINE_EXCEEDED, status.DEADLINE_EXCEEDED, status.DEADLINE_EXCEEDED],
  );
});
