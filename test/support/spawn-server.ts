// Runs `stadium serve` as a separate process, as users do, and resolves once it listens. Its info logs are
// read for the address and dropped; warnings and errors are passed through.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../env-server/cli.js', import.meta.url));

export async function spawnServer(args: string[] = []): Promise<{ child: ChildProcess; address: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
  const lines = createInterface({ input: child.stderr! });
  const address = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stadium serve exited with code ${code} before listening`)));
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; address?: string; level?: string };
        if (entry.msg === 'listening' && entry.address) resolve(entry.address);
        else if (entry.level === 'warn' || entry.level === 'error') process.stderr.write(line + '\n');
      } catch {
        process.stderr.write(line + '\n');
      }
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, address, stop };
}
