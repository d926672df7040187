// How a client env talks to its session. Two transports with the same contract: `stream` pipelines requests on one
// bidirectional Session stream (lowest latency; the server frees the session when the stream ends or drops) and
// `unary` makes one RPC per request (each with its own deadline; the session lives until closed or idle).

import { readFileSync } from 'node:fs';
import { type Client, Metadata, status, credentials, type ChannelCredentials, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';

export type RequestKind = 'listEnvs' | 'make' | 'reset' | 'step' | 'render' | 'close' | 'report';

/** A failed request: `code` is the gRPC status, the message is the server's explanation. */
export class StadiumError extends Error {
  override name = 'StadiumError';
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

export interface Transport {
  request<T>(kind: RequestKind, payload: unknown): Promise<T>;
  /** Ends the transport; on a stream this also frees every session made on it. */
  end(): void;
  /** The address of the server the last request went to (grpc-js's peer). */
  peer(): string;
  /** Names the server in later errors, once Make has said which one holds the session. */
  identify(server: string): void;
}

/** TLS for a client: PEM bytes or file paths; `serverName` overrides the name checked against the certificate. */
export interface ClientTls {
  ca?: Buffer | string;
  caFile?: string;
  cert?: Buffer | string;
  certFile?: string;
  key?: Buffer | string;
  keyFile?: string;
  serverName?: string;
}

function pem(bytes: Buffer | string | undefined, file: string | undefined, what: string): Buffer | null {
  if (bytes !== undefined) return Buffer.from(bytes);
  if (file === undefined) return null;
  try {
    return readFileSync(file);
  } catch (e) {
    throw new Error(`cannot read the TLS ${what} file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Channel credentials and options for `tls` (plaintext when it is undefined). */
export function tlsChannel(tls: ClientTls | undefined): { credentials: ChannelCredentials; options: Record<string, string> } {
  if (!tls) return { credentials: credentials.createInsecure(), options: {} };
  const cert = pem(tls.cert, tls.certFile, 'certificate');
  const key = pem(tls.key, tls.keyFile, 'key');
  if ((cert === null) !== (key === null)) throw new Error('a client certificate and its key go together: give both, or neither');
  const options: Record<string, string> = tls.serverName ? { 'grpc.ssl_target_name_override': tls.serverName, 'grpc.default_authority': tls.serverName } : {};
  return { credentials: credentials.createSsl(pem(tls.ca, tls.caFile, 'CA'), key, cert), options };
}

const RPC_NAMES: Record<RequestKind, string> = { listEnvs: 'ListEnvs', make: 'Make', reset: 'Reset', step: 'Step', render: 'Render', close: 'Close', report: 'ReportMetrics' };

export function fromServiceError(e: ServiceError | Error, server: string): StadiumError {
  const se = e as ServiceError;
  if (typeof se.code === 'number') {
    const msg = se.code === status.UNAVAILABLE ? `server ${server} is unavailable: ${se.details}` : se.details;
    return new StadiumError(se.code, msg);
  }
  return new StadiumError(status.UNKNOWN, e.message);
}

export class UnaryTransport implements Transport {
  private lastPeer = 'unknown';
  constructor(
    private client: Client,
    private server: string,
    private readonly timeoutMs: number,
    private readonly metadata: () => Metadata,
  ) {}
  request<T>(kind: RequestKind, payload: unknown): Promise<T> {
    const method = (this.client as unknown as Record<string, Function>)[RPC_NAMES[kind]];
    return new Promise<T>((resolve, reject) => {
      const call = method.call(this.client, payload, this.metadata(), { deadline: Date.now() + this.timeoutMs }, (err: ServiceError | null, res: T) => {
        this.lastPeer = call.getPeer();
        if (err) reject(fromServiceError(err, this.server));
        else resolve(res);
      });
    });
  }
  end(): void {}
  peer(): string {
    return this.lastPeer;
  }
  identify(server: string): void {
    this.server = server;
  }
  /** Sends later requests over `client`, a channel to the one server that holds the session. */
  pin(client: Client): void {
    this.client = client;
  }
}

interface Pending {
  kind: RequestKind;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  /** performance.now() by which the answer is due. */
  deadline: number;
}

export class StreamTransport implements Transport {
  private readonly call: ClientDuplexStream<unknown, SessionResponse>;
  private readonly pending: Pending[] = [];
  private failure: StadiumError | null = null;
  /** One timer for the oldest request, re-armed lazily, rather than one timer per request on the hot path. */
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    client: Client,
    private server: string,
    private readonly timeoutMs: number,
    metadata: Metadata,
  ) {
    this.call = (client as unknown as { Session(md: Metadata): ClientDuplexStream<unknown, SessionResponse> }).Session(metadata);
    this.call.on('data', (res: SessionResponse) => this.onResponse(res));
    this.call.on('error', (e: ServiceError) => this.fail(fromServiceError(e, this.server)));
    this.call.on('end', () => this.fail(new StadiumError(status.UNAVAILABLE, `server ${this.server} ended the session stream`)));
  }

  request<T>(kind: RequestKind, payload: unknown): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ kind, resolve: resolve as (v: unknown) => void, reject, deadline: performance.now() + this.timeoutMs });
      if (this.timeoutMs > 0 && !this.watchdog) this.arm(this.timeoutMs);
      this.call.write({ [kind]: payload });
    });
  }

  private arm(ms: number): void {
    this.watchdog = setTimeout(() => this.checkDeadline(), ms);
  }

  /** Responses are ordered, so one late answer stalls all later ones: past its deadline, give up on the stream. */
  private checkDeadline(): void {
    this.watchdog = null;
    const oldest = this.pending[0];
    if (!oldest) return;
    const left = oldest.deadline - performance.now();
    if (left > 0) return this.arm(left);
    this.fail(new StadiumError(status.DEADLINE_EXCEEDED, `${oldest.kind} got no answer from ${this.server} within ${this.timeoutMs} ms; the session stream was cancelled`));
    this.call.cancel();
  }

  end(): void {
    if (!this.failure) this.failure = new StadiumError(status.CANCELLED, 'the env was closed');
    this.call.end();
  }

  peer(): string {
    return this.call.getPeer();
  }

  identify(server: string): void {
    this.server = server;
  }

  private onResponse(res: SessionResponse): void {
    const p = this.pending.shift();
    if (!p) return;
    if (res.error) p.reject(new StadiumError(res.error.code, res.error.message));
    else p.resolve(res[p.kind]);
  }

  private fail(e: StadiumError): void {
    if (!this.failure) this.failure = e;
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    for (const p of this.pending.splice(0)) p.reject(this.failure);
  }
}

interface SessionResponse {
  error?: { code: number; message: string };
  [kind: string]: unknown;
}
