// A client of the standard grpc.health.v1 service, as Kubernetes' grpc probes and grpc_health_probe use it.

import { credentials, makeGenericClientConstructor, type ChannelCredentials, type Client, type ClientReadableStream } from '@grpc/grpc-js';
import { service } from 'grpc-health-check';

const HealthClient = makeGenericClientConstructor(service as never, 'Health');

export function healthClient(address: string, creds: ChannelCredentials = credentials.createInsecure()): Client {
  return new HealthClient(address, creds);
}

/** The serving status of `name` ('' = the whole server), or the error's code. */
export function check(client: Client, name = ''): Promise<string> {
  return new Promise((resolve) =>
    (client as unknown as { check: Function }).check({ service: name }, { deadline: Date.now() + 5000 }, (err: { code: number } | null, res: { status: string }) =>
      resolve(err ? `error ${err.code}` : res.status),
    ),
  );
}

/** Streams every status change of the whole server into `seen`. */
export function watch(client: Client, seen: string[]): ClientReadableStream<{ status: string }> {
  const call = (client as unknown as { watch: Function }).watch({ service: '' }) as ClientReadableStream<{ status: string }>;
  call.on('data', (m: { status: string }) => seen.push(m.status));
  call.on('error', () => {});
  return call;
}
