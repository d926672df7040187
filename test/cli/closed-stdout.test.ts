// The command-line tools piped into a reader that stops early (`stadium-agent envs | head`, `stadium ale trace ROM |
// head`): a closed stdout ends them quietly with status 0, not with an EPIPE stack trace.

import t from 'tap';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLI } from '../support/spawn-server.js';
import { SHARED_ROMS, romSkip } from '../atari/shared.js';

const AGENT_CLI = fileURLToPath(new URL('../../agent-client/cli.js', import.meta.url));
const ALE_CLI = fileURLToPath(new URL('../../env-server/ale/cli.js', import.meta.url));
const pong = `${SHARED_ROMS}/pong.bin`;

/** Runs `args` with its stdout closed before it writes; its exit status and stderr. */
function closedStdout(args: string[]): Promise<[number | null, string]> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve([code, err])));
}

t.test('stadium-agent', async (t) => {
  t.same(await closedStdout([AGENT_CLI, '--help']), [0, '']);
});

t.test('stadium ale trace, through stadium and on its own', { skip: romSkip }, async (t) => {
  t.same(await closedStdout([CLI, 'ale', 'trace', pong, '--steps', '2000']), [0, '']);
  t.same(await closedStdout([ALE_CLI, 'trace', pong, '--steps', '2000']), [0, '']);
});
