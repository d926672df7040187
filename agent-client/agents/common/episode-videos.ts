// Every Nth training episode of copy 0 as an animated PNG in the run dir (what the Gravitar run's Monitor kept):
// frames come from the server's render RPC, one per step of a recorded episode and none otherwise, encoded with
// the viewer's APNG writer. Training itself is unchanged.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RgbFrame } from '../../client.js';
import { type CompressedFrame, compressFrame, encodeApng } from '../../../env-server/viewer/apng.js';

/** What the training loops tell an observer of copy 0's episodes. */
export interface EpisodeWatcher {
  started(): Promise<void>;
  stepped(): Promise<void>;
  ended(): Promise<void>;
}

export class EpisodeVideos implements EpisodeWatcher {
  private episode = 0;
  private frames: CompressedFrame[] | null = null;
  readonly written: string[] = [];

  constructor(
    private readonly render: () => Promise<RgbFrame>,
    readonly dir: string,
    readonly every: number,
    readonly fps: number,
  ) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`record-every must be an integer >= 1, got ${every}`);
  }

  async started(): Promise<void> {
    this.frames = this.episode % this.every === 0 ? [] : null;
    await this.capture();
  }

  async stepped(): Promise<void> {
    await this.capture();
  }

  async ended(): Promise<void> {
    if (this.frames?.length) {
      mkdirSync(this.dir, { recursive: true });
      const file = join(this.dir, `episode-${this.episode}.png`);
      writeFileSync(file, encodeApng(this.frames, this.fps));
      this.written.push(file);
    }
    this.frames = null;
    this.episode++;
  }

  private async capture(): Promise<void> {
    if (this.frames) this.frames.push(await compressFrame(await this.render()));
  }
}
