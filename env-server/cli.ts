#!/usr/bin/env node
// `stadium serve` (also installed as `stadium-server`): runs the env server until SIGINT/SIGTERM.

import { parseArgs } from 'node:util';
import { StadiumServer } from './server.js';
import { defaultRegistry } from './envs/index.js';
import { Logger, type Level } from './log.js';
import { ROMS_USAGE, roms } from './roms/cli.js';

const USAGE = `usage: stadium serve [options]

  --host HOST            address to bind (default 127.0.0.1)
  --port PORT            port (default 50051; 0 picks a free one)
  --max-sessions N       sessions alive at once, all clients together (default 256)
  --max-num-envs N       copies in one vector session (default 4096)
  --idle-timeout SEC     close sessions unused for this long (default 900; 0 = never)
  --log-level LEVEL      debug, info, warn, error or silent (default info)
  --rom-dir DIR          Atari ROM folder (default $STADIUM_ROM_DIR or ~/.stadium/roms)
  -h, --help             this text`;

function intOption(name: string, v: string | undefined, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`stadium: --${name} must be an integer >= ${min}, got '${v}'`);
    process.exit(2);
  }
  return n;
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'max-sessions': { type: 'string' },
      'max-num-envs': { type: 'string' },
      'idle-timeout': { type: 'string' },
      'log-level': { type: 'string' },
      'rom-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const level = (values['log-level'] ?? 'info') as Level;
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) {
    console.error(`stadium: --log-level must be one of debug, info, warn, error, silent; got '${level}'`);
    process.exit(2);
  }
  const server = new StadiumServer(defaultRegistry({ romDir: values['rom-dir'] }), {
    host: values.host ?? '127.0.0.1',
    port: intOption('port', values.port, 50051, 0),
    limits: {
      maxSessions: intOption('max-sessions', values['max-sessions'], 256, 1),
      maxNumEnvs: intOption('max-num-envs', values['max-num-envs'], 4096, 1),
      idleTimeoutMs: intOption('idle-timeout', values['idle-timeout'], 900, 0) * 1000,
    },
    logger: new Logger(level),
  });
  await server.start();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info('signal received; shutting down', { signal });
    server.shutdown().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = { serve, roms };

const [cmd, ...rest] = process.argv.slice(2);
const run = cmd === undefined || cmd === '-h' || cmd === '--help' ? undefined : COMMANDS[cmd];
if (!run) {
  console.log(`usage: stadium <command>\n\ncommands: ${Object.keys(COMMANDS).join(', ')}\n\n${USAGE}\n\n${ROMS_USAGE}`);
  process.exit(cmd === undefined || cmd === '-h' || cmd === '--help' ? 0 : 2);
}
run(rest).catch((e) => {
  console.error(`stadium ${cmd}: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
