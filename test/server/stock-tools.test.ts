// Standard gRPC health checking and server reflection, which grpcurl, Kubernetes probes and other stock tools use.

import t from 'tap';
import { createRequire } from 'node:module';
import { credentials, loadPackageDefinition, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProto } from 'grpc-health-check';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';

const require = createRequire(import.meta.url);
const reflectionProto = require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');

function client(protoFile: string, path: string[], address: string) {
  const def = protoLoader.loadSync(protoFile, { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
  let obj: GrpcObject = loadPackageDefinition(def);
  for (const p of path.slice(0, -1)) obj = obj[p] as GrpcObject;
  const Ctor = obj[path[path.length - 1]] as ServiceClientConstructor;
  return new Ctor(address, credentials.createInsecure()) as unknown as Record<string, Function> & { close(): void };
}

t.test('health: SERVING while up, NOT_SERVING once shutting down', async (t) => {
  const { address, server } = await startServer(t, [COUNT_ENV]);
  const health = client(healthProto, ['grpc', 'health', 'v1', 'Health'], address);
  const check = (service: string) =>
    new Promise<{ status: string }>((resolve, reject) => health.Check({ service }, (err: Error | null, res: { status: string }) => (err ? reject(err) : resolve(res))));
  t.equal((await check('')).status, 'SERVING');
  t.equal((await check('stadium.v1.Environments')).status, 'SERVING');
  const watch = health.Watch({ service: 'stadium.v1.Environments' });
  const seen: string[] = [];
  watch.on('data', (m: { status: string }) => seen.push(m.status));
  watch.on('error', () => {});
  await new Promise((r) => setTimeout(r, 100));
  await server.shutdown(200);
  t.same(seen.slice(0, 2), ['SERVING', 'NOT_SERVING'], 'a watcher sees the drain begin');
  Object.getPrototypeOf(Object.getPrototypeOf(health)).close.call(health);
});

t.test('reflection lists the services and describes stadium.v1', async (t) => {
  const { address } = await startServer(t, [COUNT_ENV]);
  const refl = client(reflectionProto, ['grpc', 'reflection', 'v1', 'ServerReflection'], address);
  const call = refl.ServerReflectionInfo();
  const responses: Array<Record<string, any>> = [];
  const done = new Promise<void>((resolve, reject) => {
    call.on('data', (m: Record<string, any>) => {
      responses.push(m);
      if (responses.length === 2) call.end();
    });
    call.on('end', resolve);
    call.on('error', reject);
  });
  call.write({ list_services: '' });
  call.write({ file_containing_symbol: 'stadium.v1.Environments' });
  await done;
  const names = responses[0].list_services_response.service.map((s: { name: string }) => s.name);
  t.ok(names.includes('stadium.v1.Environments'), 'lists the Environments service');
  t.ok(names.includes('grpc.health.v1.Health'), 'lists the health service');
  const files: Buffer[] = responses[1].file_descriptor_response.file_descriptor_proto;
  t.ok(files.length > 0, 'returns file descriptors');
  t.ok(Buffer.concat(files).includes(Buffer.from('SessionRequest')), 'the descriptors define the Session stream messages');
  Object.getPrototypeOf(Object.getPrototypeOf(refl)).close.call(refl);
});
