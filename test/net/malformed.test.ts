// Bytes that are not a valid request: answered INVALID_ARGUMENT naming the message type, and on a Session stream
// answered in order while the stream and its sessions go on (grpc-js alone would answer INTERNAL and end it).

import t from 'tap';
import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';
import { packageDefinition } from '../../proto/load.js';

const DEFS = packageDefinition['stadium.v1.Environments'] as unknown as Record<string, { path: string; requestSerialize(o: unknown): Buffer; responseDeserialize(b: Buffer): unknown }>;
const identity = (b: Buffer) => b;
// Field 2 (kwargs, a message) claiming 100 bytes, followed by 1.
const TRUNCATED = Buffer.from([0x12, 100, 0x01]);

t.test('malformed requests', async (t) => {
  const { address } = await startServer(t, [COUNT_ENV]);
  const client = new Client(address, credentials.createInsecure());
  t.teardown(() => client.close());

  const unary = await new Promise<ServiceError | null>((resolve) =>
    client.makeUnaryRequest(DEFS.Make.path, identity, identity, TRUNCATED, new Metadata(), {}, (err) => resolve(err)),
  );
  t.equal(unary?.code, status.INVALID_ARGUMENT, 'a unary request: INVALID_ARGUMENT');
  t.match(unary?.details, /not a valid stadium\.v1\.MakeRequest message/, 'naming the message type');

  const make = DEFS.Session.requestSerialize({ make: { envId: 'Count-v0' } });
  const responses: { payload: string; error?: { code: number; message: string } }[] = [];
  const end = await new Promise<number>((resolve) => {
    const call = client.makeBidiStreamRequest(DEFS.Session.path, identity, identity, new Metadata(), {});
    call.on('data', (b: Buffer) => responses.push(DEFS.Session.responseDeserialize(b) as never));
    call.on('status', (s) => resolve(s.code));
    call.on('error', () => {});
    call.write(make);
    call.write(TRUNCATED);
    call.write(make);
    call.end();
  });
  t.equal(end, status.OK, 'the stream ends normally');
  t.same(responses.map((r) => r.payload), ['make', 'error', 'make'], 'one answer per message, in order');
  t.equal(responses[1].error?.code, status.INVALID_ARGUMENT);
  t.match(responses[1].error?.message, /not a valid stadium\.v1\.SessionRequest message/);
});
