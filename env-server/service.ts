// The Environments service: the session table and one handler per request kind, shared by the unary RPCs and the
// pipelined Session stream so both behave identically. Every failure a client can cause is a StatusError; nothing
// a client sends can touch another client's sessions.

import { randomUUID } from 'node:crypto';
import { Session } from './session.js';
import type { Registry } from './registry.js';
import { clip, invalidArgument, notFound, resourceExhausted, unavailable } from './errors.js';
import { spaceToProto } from '../proto/codec.js';
import { jsonToProtoValue, structToJson } from '../proto/load.js';
import type { Logger } from './log.js';
import { PerClient, RateLimit, checkOptionValues } from './security/limits.js';
import { makeBackend, SESSION_OPTIONS } from './backend/choose.js';
import { AUTORESET_MODE, type SessionBackend } from './backend/backend.js';

export interface Limits {
  /** Sessions alive at once, over all clients. */
  maxSessions: number;
  /** Copies in one vector session. */
  maxNumEnvs: number;
  /** A session unused for this long is closed. 0 disables. */
  idleTimeoutMs: number;
  /** Sessions alive at once from one client (one IP address). */
  maxSessionsPerClient: number;
  /** Session streams open at once from one client (one IP address). */
  maxStreamsPerClient: number;
  /** Renders a second per copy of a session, averaged over a second. */
  maxRenderFps: number;
  /** Env copies alive at once, over all sessions and clients (a vector session of n holds n). */
  maxEnvs: number;
  /** Env copies alive at once from one client (one IP address). */
  maxEnvsPerClient: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSessions: 256,
  maxNumEnvs: 4096,
  idleTimeoutMs: 15 * 60_000,
  maxSessionsPerClient: 128,
  maxStreamsPerClient: 256,
  maxRenderFps: 240,
  maxEnvs: 16384,
  maxEnvsPerClient: 8192,
};

const CLOSED_MEMORY = 4096;

export class EnvService {
  readonly sessions = new Map<string, Session>();
  /** Why recently closed sessions went away, so a late request gets a useful NOT_FOUND. */
  private readonly closedWhy = new Map<string, string>();
  private draining = false;
  /** Called with every new session (the recorder attaches to sessions as they are made). */
  onSessionMade: ((s: Session) => void) | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly perClient: PerClient;
  private readonly envsPerClient: PerClient;
  private envCount = 0;
  /** The client each session counts against, and its render budget. */
  private readonly sessionClient = new Map<string, string>();
  private readonly renderRate = new Map<string, RateLimit>();
  /** Named in every MakeResponse so a client spread over servers knows which one holds a session. */
  serverId = '';

  constructor(
    readonly registry: Registry,
    readonly limits: Limits,
    private readonly log: Logger,
  ) {
    this.perClient = new PerClient('sessions', limits.maxSessionsPerClient);
    this.envsPerClient = new PerClient('env copies', limits.maxEnvsPerClient);
    if (limits.idleTimeoutMs > 0) {
      this.sweeper = setInterval(() => this.closeIdle(), Math.min(30_000, Math.max(50, limits.idleTimeoutMs / 4)));
      this.sweeper.unref();
    }
  }

  listEnvs() {
    return { envs: this.registry.ids().map((id) => this.envSpec(id)) };
  }

  /** `client` is who the per-client limit counts against (the peer's IP address). */
  make(req: MakeReq, owner: string, client = owner) {
    if (this.draining) throw unavailable('server is shutting down; make the session on another server');
    const envId = req.envId ?? '';
    const numEnvs = req.numEnvs || 1;
    if (numEnvs > this.limits.maxNumEnvs) throw resourceExhausted(`num_envs ${numEnvs} exceeds this server's limit of ${this.limits.maxNumEnvs}`);
    if (req.renderMode && req.renderMode !== 'rgb_array') throw invalidArgument(`render_mode '${clip(req.renderMode)}' is not supported; allowed: '' or 'rgb_array'`);
    if (this.sessions.size >= this.limits.maxSessions) {
      throw resourceExhausted(`this server already holds its limit of ${this.limits.maxSessions} sessions; close one or use another server`);
    }
    this.registry.get(envId);
    const kwargs = structToJson(req.kwargs);
    checkOptionValues(kwargs);
    if (this.envCount + numEnvs > this.limits.maxEnvs) {
      throw resourceExhausted(`this server holds ${this.envCount} env copies; ${numEnvs} more would pass its limit of ${this.limits.maxEnvs}; close some or use another server`);
    }
    this.envsPerClient.acquire(client, numEnvs);
    try {
      this.perClient.acquire(client);
    } catch (e) {
      this.envsPerClient.release(client, numEnvs);
      throw e;
    }
    let backend: SessionBackend;
    try {
      backend = makeBackend(this.registry, envId, kwargs, numEnvs, req.maxEpisodeSteps ?? 0);
    } catch (e) {
      this.perClient.release(client);
      this.envsPerClient.release(client, numEnvs);
      throw e;
    }
    const id = randomUUID();
    const session = new Session(id, envId, owner, backend, numEnvs > 1);
    this.sessions.set(id, session);
    this.envCount += numEnvs;
    this.sessionClient.set(id, client);
    this.renderRate.set(id, new RateLimit(this.limits.maxRenderFps * numEnvs));
    this.log.info('session made', { session: id, env: envId, numEnvs, owner });
    this.onSessionMade?.(session);
    return { sessionId: id, spec: this.envSpec(envId, backend), numEnvs, serverId: this.serverId };
  }

  reset(req: { sessionId?: string; seed?: number | null; options?: unknown }) {
    const s = this.session(req.sessionId);
    return s.reset(req.seed ?? undefined, req.options ? structToJson(req.options as never) : undefined);
  }

  step(req: { sessionId?: string; action?: never }) {
    return this.session(req.sessionId).step(req.action);
  }

  render(req: { sessionId?: string; index?: number }) {
    const s = this.session(req.sessionId);
    if (!this.renderRate.get(s.id)!.take()) {
      throw resourceExhausted(`session ${s.id} renders faster than this server's limit of ${this.limits.maxRenderFps} frames a second per copy; render less often`);
    }
    return { frame: s.render(req.index ?? 0) };
  }

  report(req: { sessionId?: string; step?: number | null; metrics?: Record<string, number> }) {
    this.session(req.sessionId).report(req.step ?? undefined, req.metrics ?? {});
    return {};
  }

  close(req: { sessionId?: string }) {
    const s = this.session(req.sessionId);
    this.closeSession(s, 'closed by its client');
    return {};
  }

  /** Closes every session of an owner (a stream that ended or dropped). */
  closeOwned(owner: string, why: string): void {
    for (const s of this.sessions.values()) if (s.owner === owner) this.closeSession(s, why);
  }

  /** Refuses new sessions; existing ones go on. */
  refuseNew(): void {
    this.draining = true;
  }

  /** Refuses new sessions and closes all existing ones. */
  drain(why: string): void {
    this.draining = true;
    for (const s of this.sessions.values()) this.closeSession(s, why);
    if (this.sweeper) clearInterval(this.sweeper);
  }

  private session(id: string | undefined): Session {
    if (!id) throw invalidArgument('session_id is required');
    const s = this.sessions.get(id);
    if (!s) {
      const why = this.closedWhy.get(id);
      throw notFound(why ? `session ${id} was closed (${why}); make a new one` : `unknown session ${clip(id)}; make one first`);
    }
    s.lastUsed = Date.now();
    return s;
  }

  private closeSession(s: Session, why: string): void {
    this.sessions.delete(s.id);
    const client = this.sessionClient.get(s.id)!;
    this.perClient.release(client);
    this.envsPerClient.release(client, s.numEnvs);
    this.envCount -= s.numEnvs;
    this.sessionClient.delete(s.id);
    this.renderRate.delete(s.id);
    this.closedWhy.set(s.id, why);
    if (this.closedWhy.size > CLOSED_MEMORY) this.closedWhy.delete(this.closedWhy.keys().next().value!);
    try {
      s.close();
    } catch (e) {
      this.log.error('env close failed', { session: s.id, error: String(e) });
    }
    this.log.info('session closed', { session: s.id, env: s.envId, why, steps: s.stats.steps, episodes: s.stats.episodes });
  }

  private closeIdle(): void {
    const cutoff = Date.now() - this.limits.idleTimeoutMs;
    for (const s of this.sessions.values()) {
      if (s.lastUsed < cutoff) this.closeSession(s, `idle for more than ${Math.round(this.limits.idleTimeoutMs / 1000)} s`);
    }
  }

  private envSpec(id: string, env?: Pick<SessionBackend, 'observationSpace' | 'actionSpace'>) {
    const d = this.registry.describe(id);
    const info = d.info;
    const obsSpace = env ? env.observationSpace : d.observationSpace;
    const actSpace = env ? env.actionSpace : d.actionSpace;
    return {
      id,
      observationSpace: spaceToProto(obsSpace.spec()),
      actionSpace: spaceToProto(actSpace.spec()),
      maxEpisodeSteps: info.maxEpisodeSteps ?? 0,
      rewardThreshold: info.rewardThreshold ?? NaN,
      renderFps: info.renderFps,
      autoresetMode: AUTORESET_MODE,
      options: Object.entries({ ...info.kwargs, ...SESSION_OPTIONS }).map(([name, o]) => ({ name, description: o.description, default: jsonToProtoValue(o.default) })),
    };
  }
}

export interface MakeReq {
  envId?: string;
  kwargs?: never;
  numEnvs?: number;
  maxEpisodeSteps?: number;
  renderMode?: string;
}
