// Gymnasium's TimeLimit: truncates an episode after `maxEpisodeSteps` steps.

import { type Env, type Picture, type RgbFrame, type ResetResult, type StepResult, type StepRows, actionError, pictureOf, stepInto } from '../envs/env.js';
import type { Native } from '../../proto/spaces.js';

export class TimeLimit implements Env {
  private elapsed = 0;
  constructor(
    readonly inner: Env,
    readonly maxEpisodeSteps: number,
  ) {}
  get observationSpace() {
    return this.inner.observationSpace;
  }
  get actionSpace() {
    return this.inner.actionSpace;
  }
  reset(seed?: number, options?: Record<string, unknown>): ResetResult {
    this.elapsed = 0;
    return this.inner.reset(seed, options);
  }
  step(action: Native): StepResult {
    const r = this.inner.step(action);
    if (this.expired()) r.truncated = true;
    return r;
  }
  stepInto(action: Native, rows: StepRows, row: number): void {
    stepInto(this.inner, action, rows, row);
    if (this.expired()) rows.truncated[row] = 1;
  }
  /** Counts a step; true once the episode has run its steps. */
  private expired(): boolean {
    return ++this.elapsed >= this.maxEpisodeSteps;
  }
  checkAction(action: Native): string | null {
    return actionError(this.inner, action);
  }
  get painter() {
    return this.inner.painter;
  }
  render(): RgbFrame {
    return this.inner.render();
  }
  picture(): Picture {
    return pictureOf(this.inner);
  }
  close(): void {
    this.inner.close?.();
  }
}
