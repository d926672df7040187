// The Python client (agent-client/python) against real servers: installs the package with pip into a throwaway
// virtual environment of Debian's python3, starts `stadium serve` four times (plaintext with the shared ROMs, TLS
// with tokens, mutual TLS, one for the suite to kill) and runs the package's unittest suite against them. Every Python test is one assertion
// here (tests/run.py writes their outcomes); a skip is accepted only where something is really absent (gymnasium; ../shared).

import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type ServerProcess } from '../support/spawn-server.js';
import { makeCerts } from '../net/certs.js';
import { REFERENCE_DIR } from '../envs/classic/reference.js';
import { SHARED_ROMS, romSkip } from '../atari/shared.js';
import { PACKAGE, installedClient, pythonSkip } from './python.js';

const TOKEN = 'python-client-token-0123456789';
const skip = pythonSkip();

t.test('the Python client passes its suite against real servers', { skip }, async (t) => {
  const certs = makeCerts();
  if (typeof certs === 'string') {
    t.fail(`the TLS tests need certificates: ${certs}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'stadium-python-test-'));
  const client = await installedClient();
  const servers: ServerProcess[] = [];
  t.teardown(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    client.remove();
    certs.remove();
    rmSync(dir, { recursive: true, force: true });
  });
  const tokens = join(dir, 'tokens');
  writeFileSync(tokens, `${TOKEN}\n`);
  const spawnOne = async (...args: string[]) => {
    const s = await spawnServer(['--port', '0', '--log-level', 'info', '--rom-dir', romSkip ? dir : SHARED_ROMS, ...args]);
    servers.push(s);
    return s;
  };
  const serve = async (...args: string[]) => `127.0.0.1:${(await spawnOne(...args)).port}`;
  // A server the Python suite kills mid-session, to see how a lost server is reported.
  const doomed = await spawnOne('--server-id', 'doomed');
  const tlsArgs = ['--tls-cert', certs.serverCert, '--tls-key', certs.serverKey];
  const env = {
    ...process.env,
    STADIUM_TEST_SERVER: await serve(),
    STADIUM_TEST_TLS_SERVER: await serve(...tlsArgs, '--auth-token-file', tokens),
    STADIUM_TEST_MTLS_SERVER: await serve(...tlsArgs, '--tls-client-ca', certs.caCert),
    STADIUM_TEST_DOOMED_SERVER: `127.0.0.1:${doomed.port}`,
    STADIUM_TEST_DOOMED_PID: String(doomed.proc.pid),
    STADIUM_TEST_TOKEN: TOKEN,
    STADIUM_TEST_CA: certs.caCert,
    STADIUM_TEST_CLIENT_CERT: certs.clientCert,
    STADIUM_TEST_CLIENT_KEY: certs.clientKey,
    STADIUM_TEST_STRANGER_CERT: certs.strangerCert,
    STADIUM_TEST_STRANGER_KEY: certs.strangerKey,
    STADIUM_TEST_REFERENCE: REFERENCE_DIR,
    STADIUM_TEST_ATARI_SKIP: romSkip || '',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  // Run as a script from a directory of its own, so that the installed package is imported, not the source tree's.
  const records = join(dir, 'results.json');
  const { code, output } = await runSuite(client.python, [join(PACKAGE, 'tests', 'run.py'), records], dir, env);
  const results = existsSync(records) ? (JSON.parse(readFileSync(records, 'utf8')) as PythonResult[]) : [];
  t.ok(results.length >= 50, `the suite ran (${results.length} tests)`, { output: results.length ? undefined : output.slice(-8000) });
  const allowedSkip = (reason: string) => /gymnasium is not installed/.test(reason) || (romSkip !== false && reason === romSkip) || /\.\.\/shared is absent/.test(reason);
  for (const r of results) {
    if (r.outcome === 'ok') t.pass(r.test);
    else if (r.outcome === 'skip') t.ok(allowedSkip(r.reason ?? ''), `${r.test} skipped: ${r.reason}`);
    else t.fail(`${r.test}: ${r.outcome}`, { detail: r.detail });
  }
  t.equal(code, 0, 'the Python suite exits 0', { output: code === 0 ? undefined : output.slice(-8000) });
});

interface PythonResult {
  test: string;
  outcome: 'ok' | 'fail' | 'error' | 'skip';
  reason?: string;
  detail?: string;
}

function runSuite(python: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const p = spawn(python, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    p.on('close', (code) => resolve({ code, output }));
  });
}
