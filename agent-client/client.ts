// The TypeScript client, shaped like Gymnasium:
//   const env = await Stadium.connect('host:50051').make('CartPole-v1');
//   const { obs } = await env.reset({ seed: 42 });
//   const { obs, reward, terminated, truncated } = await env.step(env.actionSpace.sample());
// Observations decode to typed arrays that view the received bytes (never arrays of JS numbers for frames).
//
// Deadlines: every request has `timeoutMs` (default 30 s). On the stream transport a request that misses its
// deadline cancels the stream, because later answers queue behind it; the session is then gone.
// Reconnects: the gRPC channel reconnects by itself (exponential back-off) for new calls, but sessions live in the
// server and are not carried across a broken connection: a request on a lost session fails with UNAVAILABLE
// naming the server, and the caller makes a new env.
// Many servers: connect to a list of addresses or a DNS name with several records and grpc-js's round_robin
// spreads new sessions over them. A stream session stays on the server it was made on; a unary session is pinned
// to that server through a channel of its own, so its requests never land on a server that does not hold it.

import { Client, Metadata, status, type ChannelCredentials, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import { EnvironmentsService, jsonToStruct, protoValueToJson } from '../proto/load.js';
import { type Native, type Space, type SpaceSpec, spaceFromSpec } from '../proto/spaces.js';
import { type SpaceMsg, type StepMsg, type TensorMsg, type ValueMapMsg, type ValueMsg, spaceFromProto, tensorFromProto, valueFromProto, valueToProto } from '../proto/codec.js';
import { type BatchNative, fromBatchNative, toBatchNative, stack } from '../proto/batch.js';
import { type Tensor, type TypedArray, isTensor } from '../proto/tensor.js';
import { type Rng } from '../proto/rng.js';
import { type ClientTls, StadiumError, StreamTransport, type Transport, UnaryTransport, fromServiceError, tlsChannel } from './transport.js';

export { StadiumError, type ClientTls };

export interface ConnectOptions {
  /** Channel credentials; plaintext by default (or built from `tls`). */
  credentials?: ChannelCredentials;
  /** TLS: CA, client certificate and key (for mutual TLS), server name override. */
  tls?: ClientTls;
  /** Sent as 'authorization: Bearer <token>' with every call. */
  authToken?: string;
  /** Per-request deadline in ms (0 = none). */
  timeoutMs?: number;
  /** How long `make`/`listEnvs` wait for the channel to connect, in ms. */
  connectTimeoutMs?: number;
  /** Extra grpc-js channel options. */
  channelOptions?: ChannelOptions;
  /** Metadata sent with every call (e.g. an auth token). */
  metadata?: Record<string, string>;
}

export interface MakeOptions {
  /** Keyword options of the env id (see its EnvSpec.options). */
  kwargs?: Record<string, unknown>;
  /** Overrides the id's time limit (0 = the id's default). */
  maxEpisodeSteps?: number;
  renderMode?: 'rgb_array';
  /** 'stream' (default): pipelined on one stream; 'unary': one RPC per request. */
  transport?: 'stream' | 'unary';
}

export type InfoValue = number | boolean | TypedArray;
export type Info = Record<string, InfoValue>;

export interface EnvSpec {
  id: string;
  observationSpace: Space;
  actionSpace: Space;
  maxEpisodeSteps: number | null;
  rewardThreshold: number | null;
  renderFps: number;
  options: { name: string; description: string; default: unknown }[];
  /** How finished copies of a vector session restart: 'NEXT_STEP' (Gymnasium's AutoresetMode.NEXT_STEP). */
  autoresetMode: string;
}

export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

export class Stadium {
  readonly client: Client;
  readonly address: string;
  /** Whether the target may name several servers (a list, or a dns:/ipv4:/ipv6: target). */
  readonly multi: boolean;
  /** How many servers the target lists (1 for a single address or a DNS name, whose records are not known). */
  readonly serverCount: number;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly metadata: Record<string, string>;
  private readonly credentials: ChannelCredentials;
  /** Options of the per-server channels of unary sessions. */
  private readonly pinnedOptions: ChannelOptions;
  /** Per-server channels for unary sessions, by server address. */
  private readonly pinned = new Map<string, Client>();

  private constructor(target: string | readonly string[], opts: ConnectOptions) {
    this.address = typeof target === 'string' ? target : listTarget(target);
    this.multi = typeof target !== 'string' || /^(dns|ipv4|ipv6):/.test(target);
    this.serverCount = typeof target === 'string' ? (/^ipv[46]:/.test(target) ? target.split(',').length : 1) : target.length;
    const tls = tlsChannel(opts.tls);
    this.credentials = opts.credentials ?? tls.credentials;
    const channelOptions = {
      'grpc.max_receive_message_length': -1,
      // HTTP/2's default 64 KiB receive window makes the server wait for a window update several times per step
      // of a big vector (8 stacked Atari frames: 226 KB); a 16 MiB window takes any step in one go.
      'grpc-node.flow_control_window': 16 << 20,
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
      ...tls.options,
      ...opts.channelOptions,
    };
    this.client = new EnvironmentsService(this.address, this.credentials, channelOptions);
    // Pinned channels dial an IP; TLS must still check the certificate against the name the user gave.
    const host = hostOf(this.address);
    const nameOverride = opts.tls && !opts.tls.serverName && host ? { 'grpc.ssl_target_name_override': host } : {};
    this.pinnedOptions = { ...channelOptions, ...nameOverride };
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
    this.metadata = { ...opts.metadata, ...(opts.authToken !== undefined ? { authorization: `Bearer ${opts.authToken}` } : {}) };
  }

  /**
   * `address`: 'host:port', a grpc-js target ('dns:name:port', 'ipv4:10.0.0.1:50051,10.0.0.2:50051'), or a list
   * of 'ip:port' addresses; with several servers new sessions are spread over them round-robin.
   */
  static connect(address: string | readonly string[], opts: ConnectOptions = {}): Stadium {
    return new Stadium(address, opts);
  }

  async listEnvs(): Promise<EnvSpec[]> {
    await this.ready();
    const res = await this.unary().request<{ envs: EnvSpecMsg[] }>('listEnvs', {});
    return res.envs.map(decodeSpec);
  }

  /** Makes one environment (Gymnasium's `gym.make`). */
  async make(envId: string, opts: MakeOptions = {}): Promise<RemoteEnv> {
    const { transport, made, server } = await this.makeSession(envId, opts, 1);
    const env = new RemoteEnv(transport, made.sessionId, decodeSpec(made.spec));
    env.server = server;
    return env;
  }

  /** Makes `numEnvs` copies stepped together (Gymnasium's vector env, NEXT_STEP autoreset). */
  async makeVec(envId: string, numEnvs: number, opts: MakeOptions = {}): Promise<RemoteVectorEnv> {
    if (!Number.isInteger(numEnvs) || numEnvs < 2) throw new RangeError(`numEnvs must be an integer >= 2 for a vector env (use make for one), got ${numEnvs}`);
    const { transport, made, server } = await this.makeSession(envId, opts, numEnvs);
    const batchSize = opts.kwargs?.batch_size;
    const env = new RemoteVectorEnv(transport, made.sessionId, decodeSpec(made.spec), made.numEnvs, typeof batchSize === 'number' ? batchSize : made.numEnvs);
    env.server = server;
    return env;
  }

  /** Closes the channel (sessions still open on it are freed by the server when their streams drop). */
  close(): void {
    // The generated client aliases the Close RPC as `close`, shadowing Client#close.
    Client.prototype.close.call(this.client);
    for (const c of this.pinned.values()) Client.prototype.close.call(c);
    this.pinned.clear();
  }

  private async makeSession(envId: string, opts: MakeOptions, numEnvs: number) {
    await this.ready();
    const unary = opts.transport === 'unary' ? this.unary() : null;
    const transport = unary ?? new StreamTransport(this.client, this.address, this.timeoutMs, this.md());
    try {
      const made = await transport.request<{ sessionId: string; spec: EnvSpecMsg; numEnvs: number; serverId?: string }>('make', {
        envId,
        kwargs: jsonToStruct(opts.kwargs ?? {}),
        numEnvs,
        maxEpisodeSteps: opts.maxEpisodeSteps ?? 0,
        renderMode: opts.renderMode ?? '',
      });
      const peer = transport.peer();
      const server = made.serverId ? `${made.serverId} (${peer})` : peer;
      transport.identify(server);
      if (unary && this.multi) unary.pin(this.pinnedClient(peer));
      return { transport, made, server };
    } catch (e) {
      transport.end();
      throw e;
    }
  }

  private pinnedClient(peer: string): Client {
    let c = this.pinned.get(peer);
    if (!c) {
      c = new EnvironmentsService(peer, this.credentials, this.pinnedOptions);
      this.pinned.set(peer, c);
    }
    return c;
  }

  private unary(): UnaryTransport {
    return new UnaryTransport(this.client, this.address, this.timeoutMs, () => this.md());
  }

  private md(): Metadata {
    const md = new Metadata();
    for (const [k, v] of Object.entries(this.metadata)) md.set(k, v);
    return md;
  }

  private ready(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client.waitForReady(Date.now() + this.connectTimeoutMs, (err) =>
        err ? reject(fromServiceError(Object.assign(err, { code: 14, details: `could not connect within ${this.connectTimeoutMs} ms (${err.message})` }) as ServiceError, this.address)) : resolve(),
      ),
    );
  }
}

/** Shared by single and vector envs: the session's requests and spec. */
abstract class SessionEnv {
  private closed = false;
  /** The server holding the session: its server id and address. */
  server = '';
  constructor(
    protected readonly transport: Transport,
    readonly sessionId: string,
    readonly spec: EnvSpec,
  ) {}

  async render(index = 0): Promise<RgbFrame> {
    const res = await this.transport.request<{ frame: TensorMsg }>('render', { sessionId: this.sessionId, index });
    const t = tensorFromProto(res.frame);
    return { height: t.shape[0], width: t.shape[1], data: t.data as Uint8Array };
  }

  /**
   * Reports training metrics (loss, epsilon, intrinsic reward...) for the live viewer's curves, at the agent's
   * `step` (default: the session's environment step count). Values must be numbers; non-finite ones show as gaps.
   */
  async report(metrics: Record<string, number>, step?: number): Promise<void> {
    for (const [name, v] of Object.entries(metrics)) {
      if (typeof v !== 'number') throw new StadiumError(status.INVALID_ARGUMENT, `metric '${name}' must be a number, got ${typeof v}`);
    }
    if (step !== undefined && (!Number.isSafeInteger(step) || step < 0)) throw new StadiumError(status.INVALID_ARGUMENT, `report step must be an integer in [0, 2^53), got ${step}`);
    await this.transport.request('report', { sessionId: this.sessionId, step, metrics });
  }

  /** Closes the session on the server; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.transport.request('close', { sessionId: this.sessionId });
    } finally {
      this.transport.end();
    }
  }

  protected resetRequest(opts: { seed?: number; options?: Record<string, unknown> }) {
    return this.transport.request<{ observation: ValueMsg; infos: ValueMapMsg[] }>('reset', {
      sessionId: this.sessionId,
      seed: opts.seed,
      options: opts.options ? jsonToStruct(opts.options) : undefined,
    });
  }

  protected stepRequest(action: ValueMsg) {
    return this.transport.request<StepMsg>('step', {
      sessionId: this.sessionId,
      action,
    });
  }
}

export class RemoteEnv extends SessionEnv {
  get observationSpace(): Space {
    return this.spec.observationSpace;
  }
  get actionSpace(): Space {
    return this.spec.actionSpace;
  }

  async reset(opts: { seed?: number; options?: Record<string, unknown> } = {}): Promise<{ obs: Native; info: Info }> {
    const res = await this.resetRequest(opts);
    return { obs: this.observationSpace.fromValue(valueFromProto(res.observation)), info: decodeInfo(res.infos[0]) };
  }

  async step(action: Native): Promise<{ obs: Native; reward: number; terminated: boolean; truncated: boolean; info: Info }> {
    // The server checks actions (some envs accept more than their space: Platform clips its parameters).
    let msg: ValueMsg;
    try {
      msg = valueToProto(this.actionSpace.toValue(action));
    } catch (e) {
      throw new StadiumError(status.INVALID_ARGUMENT, `bad action for ${this.spec.id}: ${(e as Error).message}`);
    }
    const res = await this.stepRequest(msg);
    return {
      obs: this.observationSpace.fromValue(valueFromProto(res.observation)),
      reward: res.reward[0],
      terminated: Boolean(res.terminated[0]),
      truncated: Boolean(res.truncated[0]),
      info: decodeInfo(res.infos[0]),
    };
  }
}

/** A batched space's helpers for a vector env: sample and check batched values. */
export class BatchSpace {
  constructor(
    readonly single: Space,
    readonly n: number,
  ) {}
  sample(rng?: Rng): BatchNative {
    const items = Array.from({ length: this.n }, () => this.single.sample(rng));
    return toBatchNative(this.single, stack(this.single, items), this.n);
  }
}

export class RemoteVectorEnv extends SessionEnv {
  readonly actionSpace: BatchSpace;
  /**
   * @param batchSize rows per step result: numEnvs, or fewer for a session made with the `batch_size` option
   *   (EnvPool's asynchronous mode, Atari): each step then returns the first copies to finish, `envIds` says which,
   *   and the next step takes actions for exactly those copies, in that order.
   */
  constructor(
    transport: Transport,
    sessionId: string,
    spec: EnvSpec,
    readonly numEnvs: number,
    readonly batchSize = numEnvs,
  ) {
    super(transport, sessionId, spec);
    this.actionSpace = new BatchSpace(spec.actionSpace, batchSize);
  }
  get singleObservationSpace(): Space {
    return this.spec.observationSpace;
  }
  get singleActionSpace(): Space {
    return this.spec.actionSpace;
  }

  /** Resets every copy; copy i is seeded with seed + i. */
  async reset(opts: { seed?: number; options?: Record<string, unknown> } = {}): Promise<{ obs: BatchNative; infos: Info[]; envIds: number[] }> {
    const res = await this.resetRequest(opts);
    // Asynchronous sessions name their rows in every info; otherwise all copies answer.
    const infos = decodeInfos(res.infos, res.infos.length || this.numEnvs);
    return { obs: toBatchNative(this.singleObservationSpace, valueFromProto(res.observation), infos.length), infos, envIds: envIdsOf(infos) };
  }

  /** Steps every copy; a copy whose episode ended on the previous step is reset instead (its action is ignored). */
  async step(actions: BatchNative): Promise<{ obs: BatchNative; rewards: Float64Array; terminated: boolean[]; truncated: boolean[]; infos: Info[]; envIds: number[] }> {
    let value;
    try {
      value = valueToProto(fromBatchNative(this.singleActionSpace, actions, this.batchSize));
    } catch (e) {
      throw new StadiumError(status.INVALID_ARGUMENT, `bad actions for ${this.spec.id}: ${(e as Error).message}`);
    }
    const res = await this.stepRequest(value);
    const n = res.reward.length;
    const infos = decodeInfos(res.infos, n);
    return {
      obs: toBatchNative(this.singleObservationSpace, valueFromProto(res.observation), n),
      rewards: res.reward instanceof Float64Array ? res.reward : Float64Array.from(res.reward),
      terminated: padBools(res.terminated, n),
      truncated: padBools(res.truncated, n),
      infos,
      envIds: envIdsOf(infos),
    };
  }
}

/** A list of 'ip:port' as one grpc-js target that resolves to all of them. */
function listTarget(addresses: readonly string[]): string {
  if (addresses.length === 0) throw new RangeError('connect needs at least one address');
  const v6 = addresses.every((a) => a.startsWith('['));
  const v4 = addresses.every((a) => /^\d+\.\d+\.\d+\.\d+:\d+$/.test(a));
  if (!v4 && !v6) {
    throw new RangeError(`a list of servers must be all IPv4 'a.b.c.d:port' or all IPv6 '[addr]:port', got ${addresses.join(', ')}; for host names use one DNS name with several records ('dns:name:port')`);
  }
  return `${v4 ? 'ipv4' : 'ipv6'}:${addresses.join(',')}`;
}

/** The host name in a target ('dns:name:port', 'dns:///name:port', 'name:port'), or '' when it is not one name. */
function hostOf(target: string): string {
  const m = /^(?:dns:(?:\/\/[^/]*\/)?)?([^:,[\]]+)(?::\d+)?$/.exec(target);
  return m ? m[1] : '';
}

/** Which copies the rows are: named by `env_id` in asynchronous mode, else all copies in order. */
function envIdsOf(infos: Info[]): number[] {
  return infos.map((info, i) => (typeof info.env_id === 'number' ? info.env_id : i));
}

function padBools(a: ArrayLike<boolean | number>, n: number): boolean[] {
  if (Array.isArray(a) && a.length === n) return a as boolean[];
  const out = new Array<boolean>(n);
  for (let i = 0; i < n; i++) out[i] = i < a.length && a[i] !== 0 && a[i] !== false;
  return out;
}

interface EnvSpecMsg {
  id: string;
  observationSpace: SpaceMsg;
  actionSpace: SpaceMsg;
  maxEpisodeSteps?: number;
  rewardThreshold?: number;
  renderFps?: number;
  options: { name: string; description: string; default: unknown }[];
  autoresetMode?: string;
}

function decodeSpec(m: EnvSpecMsg): EnvSpec {
  const space = (s: SpaceMsg): Space => spaceFromSpec(spaceFromProto(s) as SpaceSpec);
  return {
    id: m.id,
    observationSpace: space(m.observationSpace),
    actionSpace: space(m.actionSpace),
    maxEpisodeSteps: m.maxEpisodeSteps || null,
    rewardThreshold: m.rewardThreshold === undefined || Number.isNaN(m.rewardThreshold) ? null : m.rewardThreshold,
    renderFps: m.renderFps ?? 0,
    options: m.options.map((o) => ({ name: o.name, description: o.description, default: protoValueToJson(o.default as never) })),
    autoresetMode: m.autoresetMode ?? 'AUTORESET_MODE_UNSPECIFIED',
  };
}

const NO_INFO: Info = Object.freeze({});

/** One info per row; the server sends none when all are empty. */
function decodeInfos(msgs: ValueMapMsg[], rows: number): Info[] {
  return msgs.length ? msgs.map(decodeInfo) : new Array<Info>(rows).fill(NO_INFO);
}

function decodeInfo(m: ValueMapMsg | undefined): Info {
  const out: Info = {};
  if (!m) return out;
  m.keys.forEach((k, i) => {
    const v = valueFromProto(m.values[i]);
    if (!isTensor(v)) return;
    out[k] = infoValue(v);
  });
  return out;
}

function infoValue(t: Tensor): InfoValue {
  if (t.shape.length > 0) return t.data;
  if (t.dtype === 'bool') return t.data[0] !== 0;
  return Number(t.data[0]);
}
