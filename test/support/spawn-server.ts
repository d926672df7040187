// Runs `stadium serve` as its own process (optionally inside a network namespace), as an operator would, and
// waits for its 'listening' log line to learn the port.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../env-server/cli.js', import.meta.url));

export interface ServerProcess {
  proc: ChildProcess;
  port: number;
  serverId: string;
  /** Every stderr line so far. */
  lines: string[];
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnServer(args: string[], env: Record<string, string> = {}, prefix: string[] = []): Promise<ServerProcess> {
  const cmd = [...prefix, process.execPath, CLI, 'serve', ...args];
  const proc = spawn(cmd[0], cmd.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (chunk: string) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (line.includes('"msg":"listening"')) {
          const m = JSON.parse(line) as { address: string; serverId: string };
          const port = Number(m.address.slice(m.address.lastIndexOf(':') + 1));
          resolve({
            proc,
            port,
            serverId: m.serverId,
            lines,
            exited,
            kill: (signal = 'SIGKILL') => {
              if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    exited.then((code) => reject(new Error(`stadium serve exited with ${code} before listening:\n${lines.join('\n')}${buf}`)));
    // The 'listening' line is logged at info: a --log-level above info would leave us waiting for nothing.
    setTimeout(() => reject(new Error(`stadium serve did not log 'listening' within 20 s:\n${lines.join('\n')}${buf}`)), 20_000).unref();
  });
}
