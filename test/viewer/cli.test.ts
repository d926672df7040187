// `stadium serve` with the viewer flags: the log names the viewer URL (which serves the page), a token turns
// into a placeholder in that URL, and flags that make no sense alone are refused with the reason.

import t, { type Test } from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../env-server/cli.js', import.meta.url));

/** Starts the CLI and resolves to the logged viewer URL; kills it when the test ends. */
function viewerUrl(t: Test, args: string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  t.teardown(() => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d;
      for (const line of err.split('\n')) {
        if (line.includes('"viewer listening"')) resolve(JSON.parse(line).url);
      }
    });
    child.on('exit', (code) => reject(new Error(`stadium serve exited with ${code}: ${err}`)));
  });
}

t.test('the viewer URL is logged and serves the page', async (t) => {
  const url = await viewerUrl(t, ['--viewer-port', '0']);
  t.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const res = await fetch(url);
  t.equal(res.status, 200);
  t.match(await res.text(), /Stadium viewer/);
});

t.test('with a token the URL shows where it goes', async (t) => {
  t.match(await viewerUrl(t, ['--viewer-port', '0', '--viewer-token', 'abc']), /\/\?token=<viewer-token>$/);
});

t.test('flags without their companion are refused', async (t) => {
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'serve', ...args], { encoding: 'utf8' });
  const orphan = run('--viewer-token', 'x');
  t.equal(orphan.status, 2);
  t.match(orphan.stderr, /--viewer-token configures the viewer; add --viewer-port PORT/);
  const every = run('--record-every', '3');
  t.equal(every.status, 2);
  t.match(every.stderr, /--record-every needs --record-dir DIR/);
  const port = run('--viewer-port=-1');
  t.equal(port.status, 2);
  t.match(port.stderr, /--viewer-port must be an integer in \[0, 65535\], got '-1'/);
});
