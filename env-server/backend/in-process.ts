// The backend that steps its copies one after another on the request handler's thread: the right one for envs
// whose step costs less than a hand-off to a worker (every classic env), and for single sessions.

import type { Native, Space } from '../../proto/spaces.js';
import { copySeed, stack } from '../../proto/batch.js';
import { type Env, type ScenePainter, type Info, type Picture, type RgbFrame, actionError, pictureOf } from '../envs/env.js';
import type { BatchReset, BatchStep, SessionBackend } from './backend.js';
import { EnvCopy } from './env-copy.js';

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
    const obs: Native[] = new Array(this.numEnvs);
    const infos: Info[] = new Array(this.numEnvs);
    for (let i = 0; i < this.numEnvs; i++) {
      const r = this.copies[i].reset(copySeed(seed, i), options);
      obs[i] = r.obs;
      infos[i] = r.info;
    }
    return { obs: this.encode(obs), infos, envIds: this.envIds };
  }

  step(actions: Native[]): BatchStep {
    const n = this.numEnvs;
    const obs: Native[] = new Array(n);
    const reward: number[] = new Array(n);
    const terminated: boolean[] = new Array(n);
    const truncated: boolean[] = new Array(n);
    const infos: Info[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = this.copies[i].step(actions[i]);
      obs[i] = r.obs;
      reward[i] = r.reward;
      terminated[i] = r.terminated;
      truncated[i] = r.truncated;
      infos[i] = r.info;
    }
    return { obs: this.encode(obs), reward, terminated, truncated, infos, envIds: this.envIds };
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

  private encode(obs: Native[]) {
    return this.vector ? stack(this.observationSpace, obs) : this.observationSpace.toValue(obs[0]);
  }
}
