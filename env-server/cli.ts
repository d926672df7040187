#!/usr/bin/env node
// `stadium serve` (also installed as `stadium-server`): runs the env server until SIGINT/SIGTERM. Flags and their
// STADIUM_* environment variables are described in config.ts.

import { StadiumServer } from './server.js';
import { defaultRegistry } from './envs/index.js';
import { Logger } from './log.js';
import { ConfigError, loadConfig, usage } from './config.js';
import { TokenAuth } from './security/auth.js';
import { aleCli } from './ale/cli.js';
import { ROMS_USAGE, roms } from './roms/cli.js';

async function serve(argv: string[]): Promise<void> {
  let c;
  try {
    c = loadConfig(argv, process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`stadium: ${e.message}`);
    process.exit(2);
  }
  if (c.help) {
    console.log(usage());
    return;
  }
  const server = new StadiumServer(defaultRegistry({ romDir: c.romDir }), {
    host: c.host,
    port: c.port,
    serverId: c.serverId,
    healthPort: c.healthPort,
    tls: c.tls,
    insecure: c.insecure,
    auth: c.authTokenFile ? TokenAuth.fromFile(c.authTokenFile) : undefined,
    maxMessageBytes: c.maxMessageBytes,
    keepalive: { timeMs: c.keepaliveTimeMs, timeoutMs: c.keepaliveTimeoutMs },
    maxConnectionIdleMs: c.maxConnectionIdleMs,
    limits: {
      maxSessions: c.maxSessions,
      maxSessionsPerClient: c.maxSessionsPerClient,
      maxStreamsPerClient: c.maxStreamsPerClient,
      maxNumEnvs: c.maxNumEnvs,
      maxEnvs: c.maxEnvs,
      maxEnvsPerClient: c.maxEnvsPerClient,
      maxRenderFps: c.maxRenderFps,
      idleTimeoutMs: c.idleTimeoutMs,
    },
    logger: new Logger(c.logLevel),
    viewer: c.viewer,
    record: c.record,
  });
  await server.start();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info('signal received; shutting down', { signal, drainMs: c.drainMs });
    server.shutdown(5000, c.drainMs).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  serve,
  roms,
  ale: async (argv) => {
    process.exitCode = await aleCli(argv);
  },
};

// A reader that stops early (`| head`) closes stdout: end quietly, as Unix tools do, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
const [cmd, ...rest] = process.argv.slice(2);
const run = cmd === undefined || cmd === '-h' || cmd === '--help' ? undefined : COMMANDS[cmd];
if (!run) {
  console.log(`usage: stadium <command>\n\ncommands: ${Object.keys(COMMANDS).join(', ')}\n\n${usage()}\n\n${ROMS_USAGE}`);
  process.exit(cmd === undefined || cmd === '-h' || cmd === '--help' ? 0 : 2);
}
run(rest).catch((e) => {
  console.error(`stadium ${cmd}: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
