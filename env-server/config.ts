// `stadium serve` configuration: every flag can also be given as an environment variable STADIUM_<FLAG> (upper
// case, dashes as underscores: --max-sessions ↔ STADIUM_MAX_SESSIONS), which is how containers are configured.
// A flag on the command line wins over its variable. Bad values are refused with what was wrong and what is allowed.

import { parseArgs } from 'node:util';
import type { Level } from './log.js';
import { DEFAULT_LIMITS as L } from './service.js';
import { DEFAULT_CONNECTION as C } from './server.js';

type Kind = 'string' | 'int' | 'bool' | 'list';

interface Flag {
  kind: Kind;
  help: string;
  /** Smallest allowed value of an int flag. */
  min?: number;
  /** Largest allowed value of an int flag. */
  max?: number;
  choices?: readonly string[];
}

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export const FLAGS = {
  host: { kind: 'string', help: 'address to bind (default 127.0.0.1; other than loopback needs TLS or --insecure)' },
  port: { kind: 'int', min: 0, max: 65535, help: 'port (default 50051; 0 picks a free one)' },
  'health-port': { kind: 'int', min: 0, max: 65535, help: 'also serve only grpc.health.v1, in plaintext, on this port (for Kubernetes grpc probes, which cannot speak TLS)' },
  'server-id': { kind: 'string', help: 'name of this server in MakeResponse and logs (default hostname:port)' },
  'tls-cert': { kind: 'string', help: 'PEM certificate chain: serve TLS' },
  'tls-key': { kind: 'string', help: 'PEM private key of --tls-cert' },
  'tls-client-ca': { kind: 'string', help: 'PEM CA: require client certificates it signed (mutual TLS)' },
  insecure: { kind: 'bool', help: 'allow plaintext on a non-loopback address' },
  'auth-token-file': { kind: 'string', help: "file of accepted tokens, one a line; clients send 'authorization: Bearer <token>'" },
  'max-sessions': { kind: 'int', min: 1, help: `sessions alive at once, all clients together (default ${L.maxSessions})` },
  'max-sessions-per-client': { kind: 'int', min: 1, help: `sessions alive at once from one IP address (default ${L.maxSessionsPerClient})` },
  'max-streams-per-client': { kind: 'int', min: 1, help: `session streams open at once from one IP address (default ${L.maxStreamsPerClient})` },
  'max-envs': { kind: 'int', min: 1, help: `env copies alive at once, all sessions together (default ${L.maxEnvs})` },
  'max-envs-per-client': { kind: 'int', min: 1, help: `env copies alive at once from one IP address (default ${L.maxEnvsPerClient})` },
  'max-num-envs': { kind: 'int', min: 1, help: `copies in one vector session (default ${L.maxNumEnvs})` },
  'max-render-fps': { kind: 'int', min: 1, help: `renders a second per copy of a session (default ${L.maxRenderFps})` },
  'max-message-bytes': { kind: 'int', min: 1024, help: `largest request accepted, in bytes (default ${C.maxMessageBytes})` },
  'idle-timeout': { kind: 'int', min: 0, help: `close sessions unused for this long, in s (default ${L.idleTimeoutMs / 1000}; 0 = never)` },
  'keepalive-time': { kind: 'int', min: 1, help: `send a keepalive ping on each connection every this many s (default ${C.keepaliveTimeMs / 1000})` },
  'keepalive-timeout': { kind: 'int', min: 1, help: `close a connection whose ping is unanswered this many s (default ${C.keepaliveTimeoutMs / 1000})` },
  'max-connection-idle': { kind: 'int', min: 1, help: `close a connection with no calls for this many s (default ${C.maxConnectionIdleMs / 1000})` },
  'drain-time': { kind: 'int', min: 0, help: 'on SIGTERM, s to keep serving existing sessions as NOT_SERVING (default 0)' },
  'log-level': { kind: 'string', choices: LEVELS, help: 'debug, info, warn, error or silent (default info)' },
  'viewer-port': { kind: 'int', min: 0, max: 65535, help: 'serve the live viewer (web page and WebSocket) on this port (default: no viewer)' },
  'viewer-host': { kind: 'string', help: 'address the viewer binds (default 127.0.0.1)' },
  'viewer-token': { kind: 'string', help: 'viewers must open the page with ?token=TOKEN' },
  'viewer-origin': { kind: 'list', help: "also accept viewer pages from this origin (repeatable, or comma-separated in the variable; '*' for any)" },
  'rom-dir': { kind: 'string', help: 'Atari ROM folder (default ~/.stadium/roms; ROMs of an installed ale-py are found too)' },
  'record-dir': { kind: 'string', help: 'save recorded episodes here as animated PNG' },
  'record-every': { kind: 'int', min: 1, help: 'with --record-dir: record episodes 0, N, 2N... of every session (default 100)' },
} as const satisfies Record<string, Flag>;

export type FlagName = keyof typeof FLAGS;

export function envVarName(flag: string): string {
  return `STADIUM_${flag.toUpperCase().replace(/-/g, '_')}`;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ServeConfig {
  host: string;
  port: number;
  serverId?: string;
  healthPort?: number;
  tls?: { cert: string; key: string; clientCa?: string };
  insecure: boolean;
  authTokenFile?: string;
  maxSessions: number;
  maxSessionsPerClient: number;
  maxStreamsPerClient: number;
  maxNumEnvs: number;
  maxEnvs: number;
  maxEnvsPerClient: number;
  maxRenderFps: number;
  maxMessageBytes: number;
  idleTimeoutMs: number;
  keepaliveTimeMs: number;
  keepaliveTimeoutMs: number;
  maxConnectionIdleMs: number;
  drainMs: number;
  logLevel: Level;
  romDir?: string;
  viewer?: { port: number; host?: string; token?: string; origins?: string[] };
  record?: { dir: string; every: number };
  help: boolean;
}

export function usage(): string {
  const rows = Object.entries(FLAGS).map(([name, f]) => {
    const left = `  --${name}${f.kind === 'bool' ? '' : f.kind === 'int' ? ' N' : f.kind === 'list' ? ' VALUE...' : ' VALUE'}`;
    return `${left.padEnd(34)}${f.help}\n${' '.repeat(34)}(env ${envVarName(name)})`;
  });
  return `usage: stadium serve [options]\n\n${rows.join('\n')}\n  -h, --help`;
}

/** Reads flags from `argv` and, for flags not given there, from `env`. */
export function loadConfig(argv: readonly string[], env: Record<string, string | undefined>): ServeConfig {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(FLAGS).map(([n, f]) => [n, { type: f.kind === 'bool' ? ('boolean' as const) : ('string' as const), multiple: f.kind === 'list' }]));
    values = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    throw new ConfigError(`${(e as Error).message}\n\n${usage()}`);
  }
  const raw = (name: FlagName): { v: string | boolean | string[]; from: string } | undefined => {
    const v = values[name];
    if (v !== undefined) return { v, from: `--${name}` };
    const e = env[envVarName(name)];
    return e === undefined || e === '' ? undefined : { v: e, from: envVarName(name) };
  };
  const str = (name: FlagName): string | undefined => {
    const r = raw(name);
    if (!r) return undefined;
    const choices = (FLAGS[name] as Flag).choices;
    if (choices && !choices.includes(r.v as string)) throw new ConfigError(`${r.from} must be one of ${choices.join(', ')}; got '${r.v}'`);
    return r.v as string;
  };
  const int = (name: FlagName, dflt: number): number => {
    const r = raw(name);
    if (!r) return dflt;
    const n = Number(r.v);
    const { min = 0, max } = FLAGS[name] as Flag;
    if (typeof r.v !== 'string' || r.v.trim() === '' || !Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) {
      throw new ConfigError(`${r.from} must be an integer ${max === undefined ? `>= ${min}` : `in [${min}, ${max}]`}, got '${r.v}'`);
    }
    return n;
  };
  const list = (name: FlagName): string[] | undefined => {
    const r = raw(name);
    if (!r) return undefined;
    return Array.isArray(r.v) ? r.v : String(r.v).split(',').map((x) => x.trim()).filter(Boolean);
  };
  const bool = (name: FlagName): boolean => {
    const r = raw(name);
    if (!r) return false;
    if (typeof r.v === 'boolean') return r.v;
    const v = String(r.v);
    if (/^(1|true|yes)$/i.test(v)) return true;
    if (/^(0|false|no)$/i.test(v)) return false;
    throw new ConfigError(`${r.from} must be true or false (or 1/0, yes/no), got '${r.v}'`);
  };

  const cert = str('tls-cert');
  const key = str('tls-key');
  const clientCa = str('tls-client-ca');
  if ((cert === undefined) !== (key === undefined)) throw new ConfigError('--tls-cert and --tls-key go together: give both to serve TLS, or neither');
  if (clientCa !== undefined && cert === undefined) throw new ConfigError('--tls-client-ca needs --tls-cert and --tls-key: mutual TLS is TLS first');
  const viewerFlag = (['viewer-host', 'viewer-token', 'viewer-origin'] as const).find((k) => raw(k));
  if (viewerFlag && !raw('viewer-port')) throw new ConfigError(`--${viewerFlag} configures the viewer; add --viewer-port PORT to serve it`);
  if (raw('record-every') && !raw('record-dir')) throw new ConfigError('--record-every needs --record-dir DIR to say where recordings go');
  const s = 1000;
  return {
    host: str('host') ?? '127.0.0.1',
    port: int('port', 50051),
    serverId: str('server-id'),
    healthPort: raw('health-port') ? int('health-port', 0) : undefined,
    tls: cert !== undefined ? { cert, key: key!, clientCa } : undefined,
    insecure: bool('insecure'),
    authTokenFile: str('auth-token-file'),
    maxSessions: int('max-sessions', L.maxSessions),
    maxSessionsPerClient: int('max-sessions-per-client', L.maxSessionsPerClient),
    maxStreamsPerClient: int('max-streams-per-client', L.maxStreamsPerClient),
    maxNumEnvs: int('max-num-envs', L.maxNumEnvs),
    maxEnvs: int('max-envs', L.maxEnvs),
    maxEnvsPerClient: int('max-envs-per-client', L.maxEnvsPerClient),
    maxRenderFps: int('max-render-fps', L.maxRenderFps),
    maxMessageBytes: int('max-message-bytes', C.maxMessageBytes),
    idleTimeoutMs: int('idle-timeout', L.idleTimeoutMs / s) * s,
    keepaliveTimeMs: int('keepalive-time', C.keepaliveTimeMs / s) * s,
    keepaliveTimeoutMs: int('keepalive-timeout', C.keepaliveTimeoutMs / s) * s,
    maxConnectionIdleMs: int('max-connection-idle', C.maxConnectionIdleMs / s) * s,
    drainMs: int('drain-time', 0) * s,
    logLevel: (str('log-level') ?? 'info') as Level,
    romDir: str('rom-dir'),
    viewer: raw('viewer-port') ? { port: int('viewer-port', 0), host: str('viewer-host'), token: str('viewer-token'), origins: list('viewer-origin') } : undefined,
    record: raw('record-dir') ? { dir: str('record-dir')!, every: int('record-every', 100) } : undefined,
    help: values.help === true,
  };
}
