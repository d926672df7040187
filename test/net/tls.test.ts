// TLS on a real loopback connection: a client trusting the CA gets in, a plaintext client or one that does not
// trust the CA does not; with --tls-client-ca only clients holding a certificate from that CA get in; and the
// server-name override lets a client check a certificate that names a host rather than the address dialled.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';
import { makeCerts } from './certs.js';
import { rejectsWith } from '../support/expect.js';
import { checkPlaintext } from '../../env-server/security/tls.js';
import { Stadium } from '../../agent-client/client.js';
import { check, healthClient } from './health.js';

const certs = makeCerts();
if (typeof certs === 'string') {
  t.test('TLS', { skip: certs }, () => {});
} else {
  t.teardown(() => certs.remove());
  const fast = { connectTimeoutMs: 1000 };

  t.test('server TLS', async (t) => {
    const { connect } = await startServer(t, [COUNT_ENV], { tls: { cert: certs.serverCert, key: certs.serverKey } });
    const env = await connect({ tls: { caFile: certs.caCert } }).make('Count-v0');
    await env.reset({ seed: 1 });
    t.equal((await env.step(2)).reward, 2, 'a client trusting the CA steps an env');
    await env.close();
    await rejectsWith(t, connect(fast).make('Count-v0'), status.UNAVAILABLE, /could not connect/, 'plaintext client');
    await rejectsWith(t, connect({ ...fast, tls: {} }).make('Count-v0'), status.UNAVAILABLE, /could not connect/, 'client that does not trust the CA');
    const viaBytes = await connect({ tls: { ca: certs.read(certs.caCert) } }).make('Count-v0', { transport: 'unary' });
    await viaBytes.reset();
    t.pass('the CA can be given as bytes');
  });

  t.test('mutual TLS', async (t) => {
    const { connect } = await startServer(t, [COUNT_ENV], { tls: { cert: certs.serverCert, key: certs.serverKey, clientCa: certs.caCert } });
    const env = await connect({ tls: { caFile: certs.caCert, certFile: certs.clientCert, keyFile: certs.clientKey } }).make('Count-v0');
    await env.reset();
    t.pass('a client with a certificate from the CA gets in');
    await rejectsWith(t, connect({ ...fast, tls: { caFile: certs.caCert } }).make('Count-v0'), status.UNAVAILABLE, /unavailable/, 'client without a certificate');
    await rejectsWith(
      t,
      connect({ ...fast, tls: { caFile: certs.caCert, certFile: certs.strangerCert, keyFile: certs.strangerKey } }).make('Count-v0'),
      status.UNAVAILABLE,
      /unavailable/,
      'client with a certificate from another CA',
    );
    t.throws(() => connect({ tls: { caFile: certs.caCert, certFile: certs.clientCert } }), /certificate and its key go together/, 'a certificate without its key is refused');
  });

  t.test('server name override', async (t) => {
    const { connect } = await startServer(t, [COUNT_ENV], { tls: { cert: certs.nameOnlyCert, key: certs.nameOnlyKey } });
    await rejectsWith(t, connect({ ...fast, tls: { caFile: certs.caCert } }).make('Count-v0'), status.UNAVAILABLE, /could not connect/, 'certificate names another host than 127.0.0.1');
    const env = await connect({ tls: { caFile: certs.caCert, serverName: 'stadium.test' } }).make('Count-v0');
    await env.reset();
    t.pass('with serverName stadium.test the certificate is accepted');
  });

  t.test('a unary session through a dns: target keeps checking the certificate on its pinned channel', async (t) => {
    const { server } = await startServer(t, [COUNT_ENV], { tls: { cert: certs.nameOnlyCert, key: certs.nameOnlyKey } });
    const stadium = Stadium.connect(`dns:127.0.0.1:${server.port}`, { tls: { caFile: certs.caCert, serverName: 'stadium.test' } });
    t.teardown(() => stadium.close());
    t.ok(stadium.multi, 'a dns: target may name several servers, so unary sessions are pinned');
    const env = await stadium.make('Count-v0', { transport: 'unary' });
    await env.reset();
    t.equal((await env.step(1)).reward, 1, 'requests on the pinned channel pass the certificate check');
  });

  t.test('a plaintext health-only port beside TLS, for probes that cannot speak TLS', async (t) => {
    const { server, connect } = await startServer(t, [COUNT_ENV], { tls: { cert: certs.serverCert, key: certs.serverKey }, healthPort: 0 });
    const probe = healthClient(`127.0.0.1:${server.healthPort}`);
    t.teardown(() => probe.close());
    t.equal(await check(probe), 'SERVING', 'health answers in plaintext');
    await rejectsWith(t, Stadium.connect(`127.0.0.1:${server.healthPort}`).listEnvs(), status.UNIMPLEMENTED, /.*/, 'the environments are not served there');
    await (await connect({ tls: { caFile: certs.caCert } }).make('Count-v0')).close();
    await server.shutdown(200);
    t.match(await check(probe), /^error /, 'the health port closes with the server');
  });

  t.test('plaintext is for loopback unless the operator insists', async (t) => {
    t.doesNotThrow(() => checkPlaintext('127.0.0.1', false, false), 'loopback plaintext');
    t.doesNotThrow(() => checkPlaintext('::1', false, false), 'IPv6 loopback plaintext');
    t.doesNotThrow(() => checkPlaintext('0.0.0.0', true, false), 'all interfaces with TLS');
    t.doesNotThrow(() => checkPlaintext('10.1.2.3', false, true), '--insecure');
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'envs.example.org']) {
      t.throws(() => checkPlaintext(host, false, false), { message: /refusing to serve plaintext on .*--tls-cert.*--insecure/ }, `plaintext on ${host}`);
    }
    const { StadiumServer } = await import('../../env-server/server.js');
    const { Registry } = await import('../../env-server/registry.js');
    const { Logger } = await import('../../env-server/log.js');
    const s = new StadiumServer(new Registry().register(COUNT_ENV), { host: '0.0.0.0', port: 0, logger: new Logger('silent') });
    await t.rejects(s.start(), /refusing to serve plaintext on 0\.0\.0\.0/, 'the server refuses to start');
    await s.shutdown(100);
  });
}
