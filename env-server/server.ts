// The gRPC server: the Environments service over unary RPCs and the pipelined Session stream, standard health
// checking and reflection (so grpcurl and other stock tools work), and a graceful shutdown that closes sessions.
// Across machines: TLS (optionally mutual), bearer tokens on every Environments call (health stays open so probes
// work), per-client limits, and keepalive settings that reap connections whose peer has gone silent.

import { hostname } from 'node:os';
import { Server, status, type Metadata, type ServerDuplexStream, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { EnvironmentsService, SERVICE_NAME, packageDefinition } from '../proto/load.js';
import { DEFAULT_LIMITS, EnvService, type Limits } from './service.js';
import { listenError, toStatus } from './errors.js';
import { Logger } from './log.js';
import type { Registry } from './registry.js';
import { ViewerServer, type ViewerOptions } from './viewer/viewer-server.js';
import { Recorders, type RecordOptions } from './viewer/recorder.js';
import { type TlsFiles, checkPlaintext, serverCredentials } from './security/tls.js';
import { PerClient, peerIp } from './security/limits.js';
import type { TokenAuth } from './security/auth.js';
import { Malformed, addHealth, tolerateMalformed } from './security/malformed.js';

export interface ServerOptions {
  host?: string;
  port?: number;
  limits?: Partial<Limits>;
  /** Largest request accepted, in bytes. */
  maxMessageBytes?: number;
  logger?: Logger;
  /** Serve the live viewer (page and WebSocket) on its own port. */
  viewer?: ViewerOptions;
  /** Record every `every`-th episode of each session into `dir` as APNG. */
  record?: RecordOptions;
  /** Serve TLS from these PEM files; without them the server is plaintext. */
  tls?: TlsFiles;
  /** Allow plaintext on a non-loopback address. */
  insecure?: boolean;
  /** When set, every Environments call must carry one of its tokens. */
  auth?: TokenAuth;
  /** Names this server in MakeResponse (default: hostname:port). */
  serverId?: string;
  /** HTTP/2 pings every `timeMs` on each connection; no answer within `timeoutMs` closes it. */
  keepalive?: { timeMs: number; timeoutMs: number };
  /** A connection with no calls for this long is closed. */
  maxConnectionIdleMs?: number;
  /**
   * Also serve grpc.health.v1, and only that, in plaintext on this port: Kubernetes' grpc probes cannot speak
   * TLS, and health carries nothing secret.
   */
  healthPort?: number;
}

/** Connection defaults: a keepalive ping every minute, 20 s to answer it, connections without calls closed after 5 min. */
export const DEFAULT_CONNECTION = { maxMessageBytes: 64 * 1024 * 1024, keepaliveTimeMs: 60_000, keepaliveTimeoutMs: 20_000, maxConnectionIdleMs: 300_000 };

type Handler = (req: never, owner: string, client: string) => unknown;

export class StadiumServer {
  readonly service: EnvService;
  readonly log: Logger;
  private readonly grpc: Server;
  private readonly health = new HealthImplementation({ '': 'SERVING', [SERVICE_NAME]: 'SERVING' });
  private readonly streams = new Set<ServerDuplexStream<unknown, unknown>>();
  private streamCount = 0;
  private boundPort = 0;
  readonly recorders: Recorders;
  readonly viewer: ViewerServer | null;
  private readonly streamsPerClient: PerClient;
  private healthOnly: Server | null = null;
  private boundHealthPort = 0;

  constructor(
    registry: Registry,
    private readonly opts: ServerOptions = {},
  ) {
    this.log = opts.logger ?? new Logger();
    this.service = new EnvService(registry, { ...DEFAULT_LIMITS, ...opts.limits }, this.log);
    this.streamsPerClient = new PerClient('session streams', this.service.limits.maxStreamsPerClient);
    const d = DEFAULT_CONNECTION;
    this.grpc = new Server({
      'grpc.max_receive_message_length': opts.maxMessageBytes ?? d.maxMessageBytes,
      'grpc.max_send_message_length': -1,
      'grpc.keepalive_time_ms': opts.keepalive?.timeMs ?? d.keepaliveTimeMs,
      'grpc.keepalive_timeout_ms': opts.keepalive?.timeoutMs ?? d.keepaliveTimeoutMs,
      'grpc.max_connection_idle_ms': opts.maxConnectionIdleMs ?? d.maxConnectionIdleMs,
    });
    const svc = this.service;
    const handlers: Record<string, Handler> = {
      ListEnvs: () => svc.listEnvs(),
      Make: (req, owner, client) => svc.make(req, owner, client),
      Reset: (req) => svc.reset(req),
      Step: (req) => svc.step(req),
      Render: (req) => svc.render(req),
      Close: (req) => svc.close(req),
      ReportMetrics: (req) => svc.report(req),
    };
    const impl: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(handlers)) impl[name] = this.unary(fn);
    impl.Session = (call: ServerDuplexStream<SessionReq, unknown>) => this.stream(call, handlers);
    this.grpc.addService(tolerateMalformed(EnvironmentsService.service), impl as never);
    addHealth(this.grpc, this.health);
    new ReflectionService({ ...packageDefinition, ...loadSync(healthProtoPath) }).addToServer(this.grpc);
    this.recorders = new Recorders(this.service, this.log, opts.record);
    this.viewer = opts.viewer ? new ViewerServer(this.service, this.recorders, this.log, opts.viewer) : null;
  }

  /** Binds and starts; resolves to the bound port (useful with port 0). */
  async start(): Promise<number> {
    const host = this.opts.host ?? '127.0.0.1';
    checkPlaintext(host, this.opts.tls !== undefined, this.opts.insecure ?? false);
    const bindHost = host.includes(':') ? `[${host}]` : host;
    const addr = `${bindHost}:${this.opts.port ?? 50051}`;
    const creds = serverCredentials(this.opts.tls);
    this.boundPort = await new Promise<number>((resolve, reject) =>
      this.grpc.bindAsync(addr, creds, (err, port) => (err ? reject(listenError('--port', addr, err)) : resolve(port))),
    );
    this.service.serverId = this.opts.serverId ?? `${hostname()}:${this.boundPort}`;
    if (this.opts.healthPort !== undefined) {
      const healthOnly = new Server();
      addHealth(healthOnly, this.health);
      const healthAddr = `${bindHost}:${this.opts.healthPort}`;
      this.boundHealthPort = await new Promise<number>((resolve, reject) =>
        healthOnly.bindAsync(healthAddr, serverCredentials(undefined), (err, port) => (err ? reject(listenError('--health-port', healthAddr, err)) : resolve(port))),
      );
      this.healthOnly = healthOnly;
    }
    this.log.info('listening', {
      address: `${host}:${this.boundPort}`,
      serverId: this.service.serverId,
      tls: this.opts.tls ? (this.opts.tls.clientCa ? 'mutual' : 'server') : 'off',
      auth: this.opts.auth ? 'token' : 'off',
      healthPort: this.opts.healthPort,
      limits: this.service.limits,
    });
    if (this.viewer) this.log.info('viewer listening', { url: await this.viewer.start() });
    return this.boundPort;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The plaintext health-only port, when `healthPort` was given. */
  get healthPort(): number {
    return this.boundHealthPort;
  }

  /**
   * Stops taking work: health turns NOT_SERVING and new sessions are refused at once; existing sessions go on for
   * `drainMs` (so load balancers and probes see the change first); then every stream ends with UNAVAILABLE,
   * sessions close, and calls still running get up to `graceMs`.
   */
  async shutdown(graceMs = 5000, drainMs = 0): Promise<void> {
    this.health.setStatus('', 'NOT_SERVING');
    this.health.setStatus(SERVICE_NAME, 'NOT_SERVING');
    this.service.refuseNew();
    if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
    for (const call of this.streams) call.emit('error', { code: status.UNAVAILABLE, details: 'server is shutting down' });
    this.service.drain('server shut down');
    await this.viewer?.close();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.grpc.forceShutdown();
        resolve();
      }, graceMs);
      this.grpc.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.healthOnly?.forceShutdown();
    this.log.info('shut down');
  }

  private unary(fn: Handler) {
    return (call: ServerUnaryCall<never, unknown>, callback: sendUnaryData<unknown>) => {
      try {
        this.authenticate(call.metadata);
        const req: unknown = call.request;
        if (req instanceof Malformed) throw req.error();
        const peer = call.getPeer();
        callback(null, fn(call.request, `unary:${peer}`, peerIp(peer)));
      } catch (e) {
        callback(this.failure(e));
      }
    };
  }

  /** Requests are handled synchronously in arrival order, so responses leave in request order. */
  private stream(call: ServerDuplexStream<SessionReq, unknown>, handlers: Record<string, Handler>): void {
    const peer = call.getPeer();
    const client = peerIp(peer);
    try {
      this.authenticate(call.metadata);
      this.streamsPerClient.acquire(client);
    } catch (e) {
      const s = this.failure(e);
      call.emit('error', { code: s.code, details: s.details });
      return;
    }
    const owner = `stream:${++this.streamCount}:${peer}`;
    this.streams.add(call);
    let finished = false;
    const finish = (why: string) => {
      if (finished) return;
      finished = true;
      this.streams.delete(call);
      this.streamsPerClient.release(client);
      this.service.closeOwned(owner, why);
    };
    call.on('data', (req: SessionReq | Malformed) => {
      const kind = req instanceof Malformed ? undefined : req.payload;
      const handler = kind && STREAM_KINDS[kind] ? handlers[STREAM_KINDS[kind]] : undefined;
      let res: unknown;
      if (req instanceof Malformed) {
        const e = req.error();
        res = { error: { code: e.code, message: e.message } };
      } else if (!handler) {
        res = { error: { code: status.INVALID_ARGUMENT, message: `session request has no payload; set one of ${Object.keys(STREAM_KINDS).join(', ')}` } };
      } else {
        try {
          res = { [kind!]: handler((req as SessionReq)[kind!] as never, owner, client) };
        } catch (e) {
          const s = this.failure(e);
          res = { error: { code: s.code, message: s.details } };
        }
      }
      call.write(res);
    });
    call.on('end', () => {
      finish('its stream ended');
      call.end();
    });
    call.on('error', () => finish('its stream failed'));
    call.on('cancelled', () => finish('its stream was cancelled'));
    call.on('close', () => finish('its stream closed'));
  }

  private authenticate(md: Metadata): void {
    this.opts.auth?.check(md);
  }

  private failure(e: unknown) {
    const s = toStatus(e);
    if (s.internal) this.log.error('request failed', { error: e instanceof Error ? e.stack : String(e) });
    return s;
  }
}

interface SessionReq {
  payload?: string;
  [kind: string]: unknown;
}

const STREAM_KINDS: Record<string, string> = { make: 'Make', reset: 'Reset', step: 'Step', render: 'Render', close: 'Close', report: 'ReportMetrics' };
