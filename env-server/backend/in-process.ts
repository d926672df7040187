// The backend that steps its copies one after another on the request handler's thread: the right one for envs
// whose step costs less than a hand-off to a worker (every classic env), and for single sessions.

import type { Native, Space } from '../../proto/spaces.js';
import { copySeed } from '../../proto/batch.js';
import { type Env, type ScenePainter, type Picture, type RgbFrame, actionError, pictureOf } from '../envs/env.js';
import type { BatchReset, BatchStep, SessionBackend } from './backend.js';
import { EnvCopy } from './env-copy.js';
import { BatchRows } from './rows.js';

export class InProcessBackend implements SessionBackend {
  readonly numEnvs: number;
  readonly batchSize: number;
  readonly observationSpace: Space;
  readonly actionSpace: Space;
  readonly painter: ScenePainter | 'image';
  private readonly copies: EnvCopy[];
  private readonly envIds: number[];

  constructor(
    envs: Env[],
    /** Batched results and NEXT_STEP autoreset; false for a single session (one copy, unbatched). */
    private readonly vector: boolean,
  ) {
    this.numEnvs = this.batchSize = envs.length;
    this.observationSpace = envs[0].observationSpace;
    this.actionSpace = envs[0].actionSpace;
    this.painter = envs[0].painter ?? 'image';
    this.copies = envs.map((e) => new EnvCopy(e, vector));
    this.envIds = envs.map((_, i) => i);
  }

  reset(seed: number | undefined, options: Record<string, unknown> | undefined): BatchReset {
    const rows = new BatchRows(this.observationSpace, this.numEnvs);
    for (let i = 0; i < this.numEnvs; i++) rows.put(i, this.copies[i].reset(copySeed(seed, i), options));
    return { obs: this.encode(rows), infos: rows.infos, envIds: this.envIds };
  }

  step(actions: Native[]): BatchStep {
    const rows = new BatchRows(this.observationSpace, this.numEnvs);
    for (let i = 0; i < this.numEnvs; i++) this.copies[i].step(actions[i], rows, i);
    return { obs: this.encode(rows), reward: rows.reward, terminated: rows.terminated, truncated: rows.truncated, infos: rows.infos, envIds: this.envIds };
  }

  checkAction(action: Native): string | null {
    return actionError(this.copies[0].env, action);
  }

  render(index: number): RgbFrame {
    return this.copies[index].env.render();
  }

  picture(index: number): Picture {
    return pictureOf(this.copies[index].env);
  }

  close(): void {
    for (const c of this.copies) c.env.close?.();
  }

  private encode(rows: BatchRows) {
    return this.vector ? rows.batch() : rows.single();
  }
}
