// The viewers connected over WebSocket and what each one watches. Everything flows server -> browser; a viewer can
// only choose what to watch, at what rate, and ask for a recording, never act on a session.
//
// Frames are latest-value: a watched session has one timer, at the fastest rate its viewers chose; on a tick the
// session's current picture is captured once (only if it stepped since) and sent to each viewer whose own period
// has come round and whose socket has drained. A slow viewer thus skips frames and never queues them, and nothing is captured for a
// session nobody watches. Curves go as deltas (the points after the last one sent), so they catch up after skips.
//
// Server -> viewer messages are JSON text, except frames and recordings: binary, a little-endian u32 header length,
// the JSON header, then raw bytes (deflated pixels, or the APNG file). An indexed frame names its palette by a
// version number; a viewer gets the palette message before the first frame that uses that version.

import type { WebSocket, RawData } from 'ws';
import type { EnvService } from '../service.js';
import type { Session } from '../session.js';
import type { Logger } from '../log.js';
import { type LiveFrame, RENDER_BUDGET, liveFrame, rendersOnServer } from './frames.js';
import type { EpisodeRecorder, Recorders, RecordingTaker } from './recorder.js';
import type { Series } from './series.js';
import { clip } from '../errors.js';

/** A viewer whose socket holds more than this unsent is skipped until it drains. */
export const MAX_BUFFERED = 64 * 1024;
export const MIN_FPS = 1;
export const MAX_FPS = 60;
const LIST_INTERVAL_MS = 1000;
const CURVES_INTERVAL_MS = 250;

/** A watched session: its viewers, their shared timer and its latest captured frame. */
class Feed {
  readonly viewers = new Set<Viewer>();
  timer: NodeJS.Timeout | null = null;
  periodMs = 0;
  private frame: Buffer | null = null;
  /** Steps and resets of the session when the frame was captured: the picture changes only with them. */
  private frameSteps = -1;
  private frameResets = -1;
  private busy = false;
  private renderAllowedAt = 0;
  /** The colours of indexed frames, as last captured; `paletteVersion` counts their changes. */
  private palette: Uint8Array | null = null;
  paletteVersion = 0;
  paletteMessage: string | null = null;

  constructor(
    readonly session: Session,
    private readonly log: Logger,
  ) {}

  /** The newest frame message, captured now if the session moved since the last one; null while none is ready. */
  latest(): Buffer | null {
    const { steps, resets } = this.session.stats;
    // Nothing to show before the first reset (a copy's picture is defined only once an episode began).
    const moved = resets > 0 && (steps !== this.frameSteps || resets !== this.frameResets);
    if (moved && !this.busy && performance.now() >= this.renderAllowedAt) this.capture(steps, resets);
    return this.frame;
  }

  private capture(steps: number, resets: number): void {
    const t0 = performance.now();
    const s = this.session;
    let picture;
    try {
      picture = s.picture(0);
    } catch (e) {
      // A viewer only reads: whatever goes wrong with a picture costs that frame, never the server or the session.
      this.log.warn('viewer frame not captured', { session: s.id, error: String(e) });
      this.renderAllowedAt = t0 + 1000;
      return;
    }
    if (rendersOnServer(picture)) this.renderAllowedAt = t0 + (performance.now() - t0) / RENDER_BUDGET;
    this.busy = true;
    const status = { type: 'frame', session: s.id, steps, episodes: s.stats.episodes, episodeReturn: s.stats.currentReturn, lastReturn: s.stats.lastReturn };
    liveFrame(picture).then(
      (live) => {
        if (live.palette) this.notePalette(live.palette);
        this.frame = binaryMessage({ ...status, ...frameFields(live, this.paletteVersion) }, live.pixels);
        this.frameSteps = steps;
        this.frameResets = resets;
        this.busy = false;
      },
      () => {
        this.busy = false;
      },
    );
  }

  private notePalette(palette: Uint8Array): void {
    const old = this.palette;
    if (old && old.length === palette.length && old.every((v, i) => v === palette[i])) return;
    this.palette = palette.slice();
    this.paletteVersion++;
    this.paletteMessage = JSON.stringify({ type: 'palette', session: this.session.id, version: this.paletteVersion, colours: Array.from(palette) });
  }
}

function frameFields(live: LiveFrame, paletteVersion: number): Record<string, unknown> {
  if (live.scene) return { scene: live.scene };
  return { image: live.palette ? { ...live.image, palette: paletteVersion } : live.image };
}

export function binaryMessage(header: Record<string, unknown>, payload?: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const out = Buffer.alloc(4 + json.length + (payload?.length ?? 0));
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  if (payload) out.set(payload, 4 + json.length);
  return out;
}

class Watch {
  lastTickAt = -Infinity;
  lastFrame: Buffer | null = null;
  /** The feed's palette version this viewer was sent. */
  paletteVersion = 0;
  lastCurvesAt = 0;
  returnSeq = 0;
  readonly metricSeq = new Map<string, number>();
  constructor(
    readonly feed: Feed,
    public fps: number,
  ) {}
}

class Viewer {
  watch: Watch | null = null;
  /** One recording at a time per viewer, so repeated clicks (or a flood of requests) cannot pile up files. */
  recording: { recorder: EpisodeRecorder; taker: RecordingTaker } | null = null;
  constructor(readonly ws: WebSocket) {}
  get backedUp(): boolean {
    return this.ws.bufferedAmount > MAX_BUFFERED;
  }
  /** Sends unless the viewer is not reading: replies to a flood of requests must not pile up either. */
  send(msg: string | Buffer): boolean {
    if (this.backedUp) return false;
    this.ws.send(msg);
    return true;
  }
  error(message: string): void {
    this.send(JSON.stringify({ type: 'error', message }));
  }
}

/** What the page lists for a session. */
export interface SessionSummary {
  id: string;
  env: string;
  client: string;
  numEnvs: number;
  steps: number;
  episodes: number;
  lastReturn: number | null;
  stepsPerSecond: number;
}

export class ViewerHub {
  private readonly viewers = new Set<Viewer>();
  private readonly feeds = new Map<Session, Feed>();
  private listTimer: NodeJS.Timeout | null = null;
  /** Step counts at the last list, for steps/s. */
  private lastCounts = new Map<string, { steps: number; at: number }>();
  private lastList = '';

  constructor(
    private readonly service: EnvService,
    private readonly recorders: Recorders,
    private readonly log: Logger,
  ) {}

  /** Bytes waiting in viewers' sockets; frame dropping keeps it under MAX_BUFFERED plus one message per viewer. */
  get queuedBytes(): number {
    let n = 0;
    for (const v of this.viewers) n += v.ws.bufferedAmount;
    return n;
  }

  add(ws: WebSocket, address: string): void {
    const v = new Viewer(ws);
    this.viewers.add(v);
    this.log.info('viewer connected', { viewer: address, viewers: this.viewers.size });
    ws.on('message', (data, isBinary) => this.onMessage(v, data, isBinary));
    ws.on('close', () => {
      if (v.recording) v.recording.recorder.cancel(v.recording.taker);
      this.unwatch(v);
      this.viewers.delete(v);
      this.log.info('viewer disconnected', { viewer: address, viewers: this.viewers.size });
      if (this.viewers.size === 0 && this.listTimer) {
        clearInterval(this.listTimer);
        this.listTimer = null;
      }
    });
    ws.on('error', () => ws.terminate());
    this.refreshList();
    v.send(this.lastList);
    if (!this.listTimer) this.listTimer = setInterval(() => this.broadcastList(), LIST_INTERVAL_MS);
  }

  close(): void {
    for (const v of this.viewers) {
      this.unwatch(v);
      v.ws.close(1001, 'server shutting down');
    }
    if (this.listTimer) clearInterval(this.listTimer);
    this.listTimer = null;
  }

  private onMessage(v: Viewer, data: RawData, isBinary: boolean): void {
    let msg: { type?: unknown; session?: unknown; fps?: unknown };
    try {
      if (isBinary) throw new Error();
      msg = JSON.parse(data.toString());
      if (typeof msg !== 'object' || msg === null) throw new Error();
    } catch {
      v.error('messages are JSON objects: {"type":"watch","session":ID,"fps":N}, {"type":"rate","fps":N}, {"type":"unwatch"} or {"type":"record"}');
      return;
    }
    switch (msg.type) {
      case 'watch':
        return this.watch(v, msg.session, msg.fps);
      case 'rate':
        return this.rate(v, msg.fps);
      case 'unwatch':
        return this.unwatch(v);
      case 'record':
        return this.record(v);
      default:
        v.error(`unknown message type ${quote(msg.type)}; a viewer may send watch, rate, unwatch or record (viewers are read-only)`);
    }
  }

  private checkFps(v: Viewer, fps: unknown): fps is number {
    if (typeof fps === 'number' && Number.isInteger(fps) && fps >= MIN_FPS && fps <= MAX_FPS) return true;
    v.error(`fps must be an integer from ${MIN_FPS} to ${MAX_FPS}, got ${quote(fps)}`);
    return false;
  }

  private watch(v: Viewer, id: unknown, fps: unknown): void {
    const session = typeof id === 'string' ? this.service.sessions.get(id) : undefined;
    if (!session) {
      v.error(`no live session ${quote(id)}; pick one from the sessions list`);
      return;
    }
    if (!this.checkFps(v, fps)) return;
    this.unwatch(v);
    let feed = this.feeds.get(session);
    if (!feed) this.feeds.set(session, (feed = new Feed(session, this.log)));
    const threshold = this.service.registry.describe(session.envId).info.rewardThreshold ?? null;
    v.send(JSON.stringify({ type: 'watching', session: session.id, env: session.envId, painter: session.backend.painter, rewardThreshold: threshold, fps }));
    v.watch = new Watch(feed, fps);
    feed.viewers.add(v);
    this.retime(feed);
    this.tick(feed);
  }

  private rate(v: Viewer, fps: unknown): void {
    if (!v.watch) {
      v.error('watch a session before setting its rate');
      return;
    }
    if (!this.checkFps(v, fps)) return;
    v.watch.fps = fps;
    this.retime(v.watch.feed);
  }

  /** Runs the feed's timer at the fastest rate among its viewers, or stops it when none is left. */
  private retime(feed: Feed): void {
    const fps = Math.max(0, ...[...feed.viewers].map((v) => v.watch!.fps));
    const period = fps ? 1000 / fps : 0;
    if (period === feed.periodMs) return;
    if (feed.timer) clearInterval(feed.timer);
    feed.timer = period ? setInterval(() => this.tick(feed), period) : null;
    feed.periodMs = period;
  }

  private unwatch(v: Viewer): void {
    const w = v.watch;
    if (!w) return;
    v.watch = null;
    w.feed.viewers.delete(v);
    this.retime(w.feed);
    if (w.feed.viewers.size === 0) this.feeds.delete(w.feed.session);
  }

  private record(v: Viewer): void {
    const w = v.watch;
    if (!w) {
      v.error('watch a session before recording it');
      return;
    }
    if (v.recording) {
      v.error('a recording is already pending for this viewer; it arrives when the episode ends');
      return;
    }
    const s = w.feed.session;
    const recorder = this.recorders.forSession(s);
    const taker: RecordingTaker = (res) => {
      v.recording = null;
      if (v.ws.readyState !== v.ws.OPEN) return;
      // Sent even to a backed-up viewer: it asked for this, and there is at most one at a time.
      if ('error' in res) v.ws.send(JSON.stringify({ type: 'recording', session: s.id, error: res.error }));
      else v.ws.send(binaryMessage({ type: 'recording', session: s.id, env: s.envId, episode: res.episode, frames: res.frames }, res.png));
    };
    v.recording = { recorder, taker };
    recorder.requestNext(taker);
    v.send(JSON.stringify({ type: 'recording', session: s.id, armed: true }));
  }

  private tick(feed: Feed): void {
    const s = feed.session;
    if (this.service.sessions.get(s.id) !== s) {
      for (const v of [...feed.viewers]) {
        this.unwatch(v);
        v.send(JSON.stringify({ type: 'closed', session: s.id }));
      }
      this.recorders.forget(s, 'the session closed before the episode ended');
      return;
    }
    const now = performance.now();
    // Half a tick of slack keeps a viewer at the feed's own rate from slipping to every other tick.
    const due = [...feed.viewers].filter((v) => now - v.watch!.lastTickAt >= 1000 / v.watch!.fps - feed.periodMs / 2 && !v.backedUp);
    if (due.length === 0) return;
    const frame = feed.latest();
    for (const v of due) {
      const w = v.watch!;
      w.lastTickAt = now;
      if (frame && frame !== w.lastFrame) {
        if (w.paletteVersion !== feed.paletteVersion && v.send(feed.paletteMessage!)) w.paletteVersion = feed.paletteVersion;
        if (w.paletteVersion === feed.paletteVersion && v.send(frame)) w.lastFrame = frame;
      }
      if (now - w.lastCurvesAt >= CURVES_INTERVAL_MS) {
        w.lastCurvesAt = now;
        this.sendCurves(v, w, s);
      }
    }
  }

  private sendCurves(v: Viewer, w: Watch, s: Session): void {
    const returns = pointsSince(s.returnCurve, w.returnSeq, (seq) => (w.returnSeq = seq));
    const metrics: Record<string, [number, number | null][]> = {};
    let any = returns.length > 0;
    for (const [name, series] of s.metrics) {
      const pts = pointsSince(series, w.metricSeq.get(name) ?? 0, (seq) => w.metricSeq.set(name, seq));
      if (pts.length) {
        metrics[name] = pts;
        any = true;
      }
    }
    if (any) v.send(JSON.stringify({ type: 'curves', session: s.id, returns, metrics }));
  }

  private refreshList(): void {
    const now = performance.now();
    const counts = new Map<string, { steps: number; at: number }>();
    const sessions: SessionSummary[] = [];
    for (const s of this.service.sessions.values()) {
      const prev = this.lastCounts.get(s.id);
      const steps = s.stats.steps;
      counts.set(s.id, { steps, at: now });
      sessions.push({
        id: s.id,
        env: s.envId,
        client: s.owner.replace(/^(stream:\d+|unary):/, ''),
        numEnvs: s.numEnvs,
        steps,
        episodes: s.stats.episodes,
        lastReturn: Number.isFinite(s.stats.lastReturn) ? s.stats.lastReturn : null,
        stepsPerSecond: prev && now > prev.at ? Math.round(((steps - prev.steps) * 1000) / (now - prev.at)) : 0,
      });
    }
    this.lastCounts = counts;
    this.lastList = JSON.stringify({ type: 'sessions', sessions });
  }

  private broadcastList(): void {
    this.refreshList();
    for (const v of this.viewers) v.send(this.lastList);
  }
}

/** The points of `series` after `seq` as [x, y] pairs (non-finite y as null), advancing the viewer's mark. */
function pointsSince(series: Series, seq: number, mark: (seq: number) => void): [number, number | null][] {
  const pts = series.since(seq);
  if (pts.length) mark(pts[pts.length - 1].seq);
  return pts.map((p) => [p.x, Number.isFinite(p.y) ? p.y : null]);
}

/** A viewer's value as an error message quotes it: JSON, cut short. */
function quote(v: unknown): string {
  return clip(JSON.stringify(v) ?? String(v));
}
