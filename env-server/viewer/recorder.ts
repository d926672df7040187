// Records whole episodes of a session's copy 0 as APNG files, like Gymnasium's RecordVideo: every `every`-th
// episode (counting from 0, as its episode_trigger `lambda e: e % every == 0`), and the next episode whenever a
// viewer asks. Recording renders every step of the recorded episode (that is what a video of it is) and nothing
// outside one: between recordings the recorder is detached and a step pays only the session's null check.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpisodeObserver, Session } from '../session.js';
import type { EnvService } from '../service.js';
import type { Logger } from '../log.js';
import { type CompressedFrame, compressFrame, encodeApng } from './apng.js';
import { drawPicture } from './frames.js';

/** Receives a finished recording, or why there is none. */
export type RecordingTaker = (result: { png: Buffer; episode: number; frames: number } | { error: string }) => void;

/** Episodes longer than this are cut (10,000 steps of CartPole compress to about 40 MB). */
export const MAX_RECORDED_FRAMES = 10_000;

export class EpisodeRecorder implements EpisodeObserver {
  /** Episodes started since the recorder was attached; the current one is `started - 1`. */
  private startedCount = 0;
  private frames: Promise<CompressedFrame>[] | null = null;
  private takers: RecordingTaker[] = [];
  private readonly waiting: RecordingTaker[] = [];

  /**
   * @param every record episodes whose index is a multiple of this, handing them to `periodic` (0: none)
   * @param fps the playback rate written into the file (the env's render_fps)
   */
  constructor(
    private readonly session: Session,
    private readonly fps: number,
    private readonly every = 0,
    private readonly periodic: RecordingTaker | null = null,
  ) {
    if (every > 0) session.observer = this;
  }

  /** Records the next episode that starts and hands it to `taker`. */
  requestNext(taker: RecordingTaker): void {
    this.waiting.push(taker);
    this.session.observer = this;
  }

  /** Withdraws a request (its viewer left); a recording nobody waits for any more stops capturing. */
  cancel(taker: RecordingTaker): void {
    for (const list of [this.waiting, this.takers]) {
      const i = list.indexOf(taker);
      if (i >= 0) list.splice(i, 1);
    }
    if (this.frames && this.takers.length === 0) this.frames = null;
    if (this.every === 0 && this.waiting.length === 0 && !this.frames) this.session.observer = null;
  }

  /** Fails every pending request (the session went away). */
  abandon(why: string): void {
    for (const t of [...this.waiting.splice(0), ...this.takers.splice(0)]) t({ error: why });
    this.frames = null;
    if (this.session.observer === this) this.session.observer = null;
  }

  started(): void {
    const episode = this.startedCount++;
    // An episode cut short by a reset is still a recording of what happened.
    if (this.frames) this.finish(episode - 1);
    const periodic = this.every > 0 && this.periodic && episode % this.every === 0;
    if (!periodic && this.waiting.length === 0) {
      if (this.every === 0) this.session.observer = null;
      return;
    }
    this.takers = this.waiting.splice(0);
    if (periodic) this.takers.push(this.periodic!);
    this.frames = [];
    this.capture();
  }

  stepped(ended: boolean): void {
    if (!this.frames) return;
    this.capture();
    if (ended || this.frames.length >= MAX_RECORDED_FRAMES) this.finish(this.startedCount - 1);
  }

  private capture(): void {
    this.frames!.push(compressFrame(drawPicture(this.session.picture(0))));
  }

  private finish(episode: number): void {
    const frames = this.frames!;
    const takers = this.takers;
    this.frames = null;
    this.takers = [];
    if (this.every === 0 && this.waiting.length === 0) this.session.observer = null;
    Promise.all(frames).then(
      (done) => {
        const png = encodeApng(done, this.fps);
        for (const t of takers) t({ png, episode, frames: done.length });
      },
      (e: Error) => {
        for (const t of takers) t({ error: `recording failed: ${e.message}` });
      },
    );
  }
}

export interface RecordOptions {
  /** Folder the periodic recordings are written to (created if missing). */
  dir: string;
  /** Record episodes 0, every, 2·every... of every session. */
  every: number;
}

/** One recorder per session, made when first needed: at make for periodic recording, else at a viewer's request. */
export class Recorders {
  private readonly bySession = new WeakMap<Session, EpisodeRecorder>();

  constructor(
    private readonly service: EnvService,
    private readonly log: Logger,
    private readonly periodic?: RecordOptions,
  ) {
    if (periodic) {
      if (!Number.isInteger(periodic.every) || periodic.every < 1) throw new RangeError(`record-every must be an integer >= 1, got ${periodic.every}`);
      service.onSessionMade = (s) => this.forSession(s);
    }
  }

  forSession(s: Session): EpisodeRecorder {
    let r = this.bySession.get(s);
    if (!r) {
      const fps = this.service.registry.describe(s.envId).info.renderFps;
      r = this.periodic ? new EpisodeRecorder(s, fps, this.periodic.every, (res) => this.save(s, res)) : new EpisodeRecorder(s, fps);
      this.bySession.set(s, r);
    }
    return r;
  }

  /** Fails pending requests on a session that is gone. */
  forget(s: Session, why: string): void {
    this.bySession.get(s)?.abandon(why);
    this.bySession.delete(s);
  }

  private async save(s: Session, res: Parameters<RecordingTaker>[0]): Promise<void> {
    if ('error' in res) {
      this.log.warn('episode not recorded', { session: s.id, env: s.envId, error: res.error });
      return;
    }
    const file = join(this.periodic!.dir, `${fileSafe(s.envId)}-${s.id.slice(0, 8)}-episode-${res.episode}.png`);
    try {
      await mkdir(this.periodic!.dir, { recursive: true });
      await writeFile(file, res.png);
      this.log.info('episode recorded', { session: s.id, env: s.envId, episode: res.episode, frames: res.frames, file });
    } catch (e) {
      this.log.error('episode recording not saved', { session: s.id, file, error: String(e) });
    }
  }
}

/** An env id as part of a file name: ALE's ids hold a slash (ALE/Pong-v5 → ALE_Pong-v5). */
export function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
