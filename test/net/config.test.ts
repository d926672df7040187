// Configuration: every flag is also a STADIUM_* variable, flags win over variables, bad values are refused with
// what is allowed; and a real `stadium serve` process configured only through the environment behaves so.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { execFile } from 'node:child_process';
import { FLAGS, envVarName, loadConfig } from '../../env-server/config.js';
import { Stadium } from '../../agent-client/client.js';
import { CLI, spawnServer } from '../support/spawn-server.js';
import { rejectsWith } from '../support/expect.js';

t.test('variables, flags and defaults', async (t) => {
  const d = loadConfig([], {});
  t.match(d, { host: '127.0.0.1', port: 50051, insecure: false, maxSessions: 256, maxMessageBytes: 64 * 1024 * 1024, idleTimeoutMs: 900_000, logLevel: 'info' });
  const env = {
    STADIUM_HOST: '0.0.0.0',
    STADIUM_PORT: '7000',
    STADIUM_INSECURE: 'true',
    STADIUM_MAX_SESSIONS: '12',
    STADIUM_MAX_SESSIONS_PER_CLIENT: '3',
    STADIUM_MAX_STREAMS_PER_CLIENT: '4',
    STADIUM_MAX_NUM_ENVS: '8',
    STADIUM_MAX_ENVS: '100',
    STADIUM_MAX_ENVS_PER_CLIENT: '50',
    STADIUM_MAX_RENDER_FPS: '30',
    STADIUM_MAX_MESSAGE_BYTES: '2048',
    STADIUM_IDLE_TIMEOUT: '60',
    STADIUM_KEEPALIVE_TIME: '5',
    STADIUM_KEEPALIVE_TIMEOUT: '2',
    STADIUM_MAX_CONNECTION_IDLE: '30',
    STADIUM_DRAIN_TIME: '3',
    STADIUM_SERVER_ID: 'env-7',
    STADIUM_HEALTH_PORT: '7001',
    STADIUM_AUTH_TOKEN_FILE: '/run/secrets/token',
    STADIUM_TLS_CERT: '/tls/crt',
    STADIUM_TLS_KEY: '/tls/key',
    STADIUM_TLS_CLIENT_CA: '/tls/ca',
    STADIUM_LOG_LEVEL: 'warn',
    STADIUM_VIEWER_PORT: '7002',
    STADIUM_VIEWER_HOST: '0.0.0.0',
    STADIUM_VIEWER_TOKEN: 'watch-me',
    STADIUM_VIEWER_ORIGIN: 'https://a.example, https://b.example',
    STADIUM_ROM_DIR: '/roms',
    STADIUM_RECORD_DIR: '/recordings',
    STADIUM_RECORD_EVERY: '10',
  };
  t.same(Object.keys(env).sort(), Object.keys(FLAGS).map(envVarName).sort(), 'the test sets every flag through its variable');
  t.same(loadConfig([], env), {
    host: '0.0.0.0',
    port: 7000,
    insecure: true,
    maxSessions: 12,
    maxSessionsPerClient: 3,
    maxStreamsPerClient: 4,
    maxNumEnvs: 8,
    maxEnvs: 100,
    maxEnvsPerClient: 50,
    maxRenderFps: 30,
    maxMessageBytes: 2048,
    idleTimeoutMs: 60_000,
    keepaliveTimeMs: 5000,
    keepaliveTimeoutMs: 2000,
    maxConnectionIdleMs: 30_000,
    drainMs: 3000,
    serverId: 'env-7',
    healthPort: 7001,
    authTokenFile: '/run/secrets/token',
    tls: { cert: '/tls/crt', key: '/tls/key', clientCa: '/tls/ca' },
    logLevel: 'warn',
    romDir: '/roms',
    viewer: { port: 7002, host: '0.0.0.0', token: 'watch-me', origins: ['https://a.example', 'https://b.example'] },
    record: { dir: '/recordings', every: 10 },
    help: false,
  });
  t.same(loadConfig(['--viewer-port', '0', '--viewer-origin', 'https://a.example', '--viewer-origin', 'https://b.example'], {}).viewer?.origins, ['https://a.example', 'https://b.example'], 'a repeated list flag collects every value');
  t.throws(() => loadConfig([], { STADIUM_RECORD_EVERY: '5' }), /--record-every needs --record-dir/, 'record-every alone is refused');
  const c = loadConfig(['--max-sessions', '99', '--port=0', '--insecure'], { STADIUM_MAX_SESSIONS: '12', STADIUM_INSECURE: 'false' });
  t.same([c.maxSessions, c.port, c.insecure], [99, 0, true], 'flags win over variables');
  t.equal(loadConfig([], { STADIUM_MAX_SESSIONS: '' }).maxSessions, 256, 'an empty variable is unset');
});

t.test('bad values say what is allowed', async (t) => {
  const bad: [string[], Record<string, string>, RegExp][] = [
    [[], { STADIUM_MAX_SESSIONS: '0' }, /STADIUM_MAX_SESSIONS must be an integer >= 1, got '0'/],
    [['--port=-1'], {}, /--port must be an integer in \[0, 65535\], got '-1'/],
    [['--port=65536'], {}, /--port must be an integer in \[0, 65535\], got '65536'/],
    [[], { STADIUM_HEALTH_PORT: '70000' }, /STADIUM_HEALTH_PORT must be an integer in \[0, 65535\], got '70000'/],
    [['--idle-timeout', '1.5'], {}, /--idle-timeout must be an integer/],
    [[], { STADIUM_INSECURE: 'maybe' }, /STADIUM_INSECURE must be true or false/],
    [[], { STADIUM_LOG_LEVEL: 'loud' }, /must be one of debug, info, warn, error, silent; got 'loud'/],
    [['--tls-cert', 'a'], {}, /--tls-cert and --tls-key go together/],
    [['--tls-client-ca', 'a'], {}, /mutual TLS is TLS first/],
    [['--colour'], {}, /Unknown option '--colour'[\s\S]*usage: stadium serve/],
  ];
  for (const [argv, env, re] of bad) t.throws(() => loadConfig(argv, env), { message: re }, `${argv.join(' ')} ${JSON.stringify(env)}`);
});

t.test('a server process configured by STADIUM_* variables', async (t) => {
  const s = await spawnServer([], { STADIUM_PORT: '0', STADIUM_SERVER_ID: 'from-env', STADIUM_MAX_SESSIONS: '1', STADIUM_LOG_LEVEL: 'info' });
  t.teardown(() => s.kill());
  const stadium = Stadium.connect(`127.0.0.1:${s.port}`);
  t.teardown(() => stadium.close());
  const env = await stadium.make('CartPole-v1');
  t.equal(env.server, `from-env (127.0.0.1:${s.port})`, 'the server id came from STADIUM_SERVER_ID');
  await rejectsWith(t, stadium.make('CartPole-v1'), status.RESOURCE_EXHAUSTED, /limit of 1 sessions/, 'STADIUM_MAX_SESSIONS=1');
});

t.test('plaintext on a reachable address refuses to start, saying why', async (t) => {
  const out = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const p = execFile(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, STADIUM_HOST: '0.0.0.0' } }, (_e, _o, stderr) => resolve({ code: p.exitCode, stderr }));
  });
  t.equal(out.code, 1, 'exit status 1');
  t.match(out.stderr, /refusing to serve plaintext on 0\.0\.0\.0.*--tls-cert.*--insecure/, 'the message names the fixes');
});
