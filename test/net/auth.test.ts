// Token authentication: every Environments call needs 'authorization: Bearer <token>' on both transports; a
// missing or wrong token gets UNAUTHENTICATED; health checks need no token (so probes work); no token is logged.

import t from 'tap';
import { status } from '@grpc/grpc-js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNT_ENV } from '../support/count-env.js';
import { startServer } from '../support/server.js';
import { Logger } from '../../env-server/log.js';
import { TokenAuth } from '../../env-server/security/auth.js';
import { rejectsWith } from '../support/expect.js';
import { check, healthClient } from './health.js';

const TOKEN = 'correct-horse-battery-staple-42';
const OTHER = 'second-token-for-the-ci-runner';

t.test('tokens on both transports', async (t) => {
  const lines: string[] = [];
  const logger = new Logger('debug', {}, (l) => lines.push(l));
  const { connect, address } = await startServer(t, [COUNT_ENV], { auth: new TokenAuth([TOKEN, OTHER]), logger });
  for (const transport of ['stream', 'unary'] as const) {
    const env = await connect({ authToken: TOKEN }).make('Count-v0', { transport });
    await env.reset({ seed: 1 });
    t.equal((await env.step(1)).reward, 1, `${transport}: the right token works`);
    await env.close();
    const second = await connect({ authToken: OTHER }).make('Count-v0', { transport });
    await second.close();
    t.pass(`${transport}: any token of the file works`);
    await rejectsWith(t, connect().make('Count-v0', { transport }), status.UNAUTHENTICATED, /needs a token.*authorization: Bearer/, `${transport}: no token`);
    await rejectsWith(t, connect({ authToken: TOKEN + 'x' }).make('Count-v0', { transport }), status.UNAUTHENTICATED, /not one this server accepts/, `${transport}: wrong token`);
    await rejectsWith(t, connect({ metadata: { authorization: TOKEN } }).make('Count-v0', { transport }), status.UNAUTHENTICATED, /Bearer/, `${transport}: token without the Bearer scheme`);
  }
  await rejectsWith(t, connect().listEnvs(), status.UNAUTHENTICATED, /needs a token/, 'listEnvs without a token');
  const health = healthClient(address);
  t.equal(await check(health), 'SERVING', 'health needs no token');
  health.close();
  const log = lines.join('\n');
  t.notOk(log.includes(TOKEN) || log.includes(OTHER), 'no token appears in the log');
  t.ok(log.includes('session made'), 'the log was captured');
});

t.test('token files', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-tokens-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'tokens');
  writeFileSync(file, `# CI runners\n${TOKEN}\n\n${OTHER}\r\n`);
  const { connect } = await startServer(t, [COUNT_ENV], { auth: TokenAuth.fromFile(file) });
  await (await connect({ authToken: OTHER }).make('Count-v0')).close();
  t.pass('tokens are read one a line, skipping comments and blank lines');
  writeFileSync(file, '# nothing here\n');
  t.throws(() => TokenAuth.fromFile(file), /token file .*tokens: the token list is empty/, 'an empty file is refused');
  writeFileSync(file, 'short\n');
  t.throws(() => TokenAuth.fromFile(file), /at least 16 characters/, 'a guessable token is refused');
});
