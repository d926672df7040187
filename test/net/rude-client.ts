// A second client process with stock grpc-js settings (no options: 4 MiB messages, 8 KiB of status metadata), one
// channel and so one HTTP/2 connection shared by well-behaved sessions and a caller that misbehaves in every way
// issue 12 lists. After each misbehaviour every well-behaved session steps once more. Prints one JSON report.
// Usage: node rude-client.js HOST:PORT MAX_MESSAGE_BYTES

import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { jsonToStruct, packageDefinition } from '../../proto/load.js';
import { valueToProto } from '../../proto/codec.js';
import { scalar } from '../../proto/tensor.js';

type Def = { path: string; requestSerialize(o: unknown): Buffer; responseDeserialize(b: Buffer): unknown };
const DEFS = packageDefinition['stadium.v1.Environments'] as unknown as Record<string, Def>;
const [address, maxBytes] = [process.argv[2], Number(process.argv[3])];
const client = new Client(address, credentials.createInsecure());
const ACTION = valueToProto(scalar('int64', 1));
const identity = (b: Buffer) => b;

interface Outcome {
  code: number;
  details: string;
  res?: Record<string, unknown>;
}

function unary(method: string, req: unknown, raw?: Buffer, path = DEFS[method]?.path): Promise<Outcome> {
  const body = raw ?? DEFS[method].requestSerialize(req);
  return new Promise((resolve) =>
    client.makeUnaryRequest(path, identity, identity, body, new Metadata(), {}, (err: ServiceError | null, res?: Buffer) =>
      resolve(err ? { code: err.code, details: err.details } : { code: 0, details: '', res: DEFS[method]?.responseDeserialize(res!) as Record<string, unknown> }),
    ),
  );
}

/** A Session stream answering requests in order; `closed` resolves to the stream's final status code. */
function stream() {
  const call = client.makeBidiStreamRequest(DEFS.Session.path, identity, identity, new Metadata(), {});
  const waiting: ((r: Record<string, unknown>) => void)[] = [];
  call.on('data', (b: Buffer) => waiting.shift()?.(DEFS.Session.responseDeserialize(b) as Record<string, unknown>));
  call.on('error', () => {});
  const closed = new Promise<number>((resolve) => call.on('status', (s) => resolve(s.code)));
  const send = (req: unknown) =>
    new Promise<Record<string, unknown>>((resolve) => {
      waiting.push(resolve);
      call.write(DEFS.Session.requestSerialize(req));
    });
  const sendRaw = (b: Buffer) => call.write(b);
  return { call, send, sendRaw, closed };
}

async function main() {
  // Well-behaved: three unary sessions and two on a stream, all CartPole.
  const unaryIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const m = await unary('Make', { envId: 'CartPole-v1' });
    unaryIds.push(m.res!.sessionId as string);
    await unary('Reset', { sessionId: unaryIds[i], seed: i });
  }
  const good = stream();
  const streamIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const m = await good.send({ make: { envId: 'CartPole-v1' } });
    streamIds.push((m.make as { sessionId: string }).sessionId);
    await good.send({ reset: { sessionId: streamIds[i], seed: 10 + i } });
  }
  /** Steps every well-behaved session once (resetting an ended one); returns how many answered OK. */
  const goodRound = async () => {
    let ok = 0;
    for (const id of unaryIds) {
      const r = await unary('Step', { sessionId: id, action: ACTION });
      if (r.code === 0) ok++;
      if (r.code === 0 && ((r.res!.terminated as boolean[])[0] || (r.res!.truncated as boolean[])[0])) await unary('Reset', { sessionId: id });
    }
    for (const id of streamIds) {
      const r = await good.send({ step: { sessionId: id, action: ACTION } });
      const step = r.step as { terminated: boolean[]; truncated: boolean[] } | undefined;
      if (step) ok++;
      if (step && (step.terminated[0] || step.truncated[0])) await good.send({ reset: { sessionId: id } });
    }
    return ok;
  };

  const cartpole = (await unary('Make', { envId: 'CartPole-v1' })).res!.sessionId as string;
  const rude = stream();
  const rudeSession = ((await rude.send({ make: { envId: 'CartPole-v1' } })).make as { sessionId: string }).sessionId;
  const cases: [string, () => Promise<Outcome>][] = [
    ['step with a 1 MiB session id', () => unary('Step', { sessionId: 'x'.repeat(1 << 20), action: ACTION })],
    ['make with a 6,000-character env id', () => unary('Make', { envId: 'E'.repeat(6000) })],
    ['make with a misspelt id', () => unary('Make', { envId: 'CartPol-v1' })],
    ['make with 500 unknown options', () => unary('Make', { envId: 'CartPole-v1', kwargs: jsonToStruct(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`opt${i}`.padEnd(40, 'z'), i]))) })],
    ["reset options {low: 1, high: 0}", () => unary('Reset', { sessionId: cartpole, options: jsonToStruct({ low: 1, high: 0 }) })],
    ["reset options {low: 'abc'}", () => unary('Reset', { sessionId: cartpole, options: jsonToStruct({ low: 'abc'.repeat(3000) }) })],
    ['a seed of 2^53 - 1 for one env', () => unary('Reset', { sessionId: cartpole, seed: Number.MAX_SAFE_INTEGER })],
    ['garbage to grpc.health.v1 Check', () => unary('', null, Buffer.from([0xff, 0xff, 0xff]), '/grpc.health.v1.Health/Check')],
    ['a 6,000-character health service name', () => unary('', null, Buffer.concat([Buffer.from([0x0a, 0xf0, 0x2e]), Buffer.alloc(6000, 0x61)]), '/grpc.health.v1.Health/Check')],
    [
      'an oversized message on its own stream',
      async () => {
        const big = DEFS.Session.requestSerialize({ step: { sessionId: rudeSession, action: { tensor: { dtype: 'UINT8', shape: [maxBytes + 1024], data: Buffer.alloc(maxBytes + 1024) } } } });
        rude.sendRaw(big);
        const code = await rude.closed;
        return { code, details: '' };
      },
    ],
  ];
  const report: { name: string; code: number; detailsBytes: number; details: string; goodAfter: number }[] = [];
  for (const [name, run] of cases) {
    const o = await run();
    report.push({ name, code: o.code, detailsBytes: Buffer.byteLength(o.details), details: o.details.slice(0, 300), goodAfter: await goodRound() });
  }
  const afterRude = await unary('Step', { sessionId: rudeSession, action: ACTION });
  good.call.end();
  client.close();
  console.log(JSON.stringify({ good: unaryIds.length + streamIds.length, report, rudeSessionAfter: afterRude.code }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
