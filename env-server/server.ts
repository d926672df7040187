// The gRPC server: the Environments service over unary RPCs and the pipelined Session stream, standard health
// checking and reflection (so grpcurl and other stock tools work), and a graceful shutdown that closes sessions.

import { Server, ServerCredentials, status, type ServerDuplexStream, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { EnvironmentsService, SERVICE_NAME, packageDefinition } from '../proto/load.js';
import { DEFAULT_LIMITS, EnvService, type Limits } from './service.js';
import { toStatus } from './errors.js';
import { Logger } from './log.js';
import type { Registry } from './registry.js';
import { ViewerServer, type ViewerOptions } from './viewer/viewer-server.js';
import { Recorders, type RecordOptions } from './viewer/recorder.js';

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
}

type Handler = (req: never, owner: string) => unknown;

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

  constructor(
    registry: Registry,
    private readonly opts: ServerOptions = {},
  ) {
    this.log = opts.logger ?? new Logger();
    this.service = new EnvService(registry, { ...DEFAULT_LIMITS, ...opts.limits }, this.log);
    const maxBytes = opts.maxMessageBytes ?? 64 * 1024 * 1024;
    this.grpc = new Server({ 'grpc.max_receive_message_length': maxBytes, 'grpc.max_send_message_length': -1 });
    const svc = this.service;
    const handlers: Record<string, Handler> = {
      ListEnvs: () => svc.listEnvs(),
      Make: (req, owner) => svc.make(req, owner),
      Reset: (req) => svc.reset(req),
      Step: (req) => svc.step(req),
      Render: (req) => svc.render(req),
      Close: (req) => svc.close(req),
      ReportMetrics: (req) => svc.report(req),
    };
    const impl: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(handlers)) impl[name] = this.unary(fn);
    impl.Session = (call: ServerDuplexStream<SessionReq, unknown>) => this.stream(call, handlers);
    this.grpc.addService(EnvironmentsService.service, impl as never);
    this.health.addToServer(this.grpc);
    new ReflectionService({ ...packageDefinition, ...loadSync(healthProtoPath) }).addToServer(this.grpc);
    this.recorders = new Recorders(this.service, this.log, opts.record);
    this.viewer = opts.viewer ? new ViewerServer(this.service, this.recorders, this.log, opts.viewer) : null;
  }

  /** Binds and starts; resolves to the bound port (useful with port 0). */
  async start(): Promise<number> {
    const host = this.opts.host ?? '127.0.0.1';
    const addr = `${host.includes(':') ? `[${host}]` : host}:${this.opts.port ?? 50051}`;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      this.grpc.bindAsync(addr, ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    this.log.info('listening', { address: `${host}:${this.boundPort}`, limits: this.service.limits });
    if (this.viewer) this.log.info('viewer listening', { url: await this.viewer.start() });
    return this.boundPort;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Stops taking work, ends every stream with UNAVAILABLE, closes sessions, then waits up to `graceMs` for calls. */
  async shutdown(graceMs = 5000): Promise<void> {
    this.health.setStatus('', 'NOT_SERVING');
    this.health.setStatus(SERVICE_NAME, 'NOT_SERVING');
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
    this.log.info('shut down');
  }

  private unary(fn: Handler) {
    return (call: ServerUnaryCall<never, unknown>, callback: sendUnaryData<unknown>) => {
      try {
        callback(null, fn(call.request, `unary:${call.getPeer()}`));
      } catch (e) {
        callback(this.failure(e));
      }
    };
  }

  /** Requests are handled synchronously in arrival order, so responses leave in request order. */
  private stream(call: ServerDuplexStream<SessionReq, unknown>, handlers: Record<string, Handler>): void {
    const owner = `stream:${++this.streamCount}:${call.getPeer()}`;
    this.streams.add(call);
    let finished = false;
    const finish = (why: string) => {
      if (finished) return;
      finished = true;
      this.streams.delete(call);
      this.service.closeOwned(owner, why);
    };
    call.on('data', (req: SessionReq) => {
      const kind = req.payload;
      const handler = kind && STREAM_KINDS[kind] ? handlers[STREAM_KINDS[kind]] : undefined;
      let res: unknown;
      if (!handler) {
        res = { error: { code: status.INVALID_ARGUMENT, message: `session request has no payload; set one of ${Object.keys(STREAM_KINDS).join(', ')}` } };
      } else {
        try {
          res = { [kind!]: handler(req[kind!] as never, owner) };
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
