// One copy of an env inside a backend, with NEXT_STEP autoreset (Gymnasium 1.x vector envs): once the copy's
// episode has ended, its next step ignores the action and returns the reset observation with reward 0, not
// terminated, not truncated. Both backends step their copies through this class and nothing else.

import type { Native } from '../../proto/spaces.js';
import type { Env, ResetResult, StepResult } from '../envs/env.js';

export class EnvCopy {
  /** The copy's last step ended its episode. */
  ended = false;

  constructor(
    readonly env: Env,
    /** Vector sessions autoreset; a single session refuses to step after the end instead (see Session). */
    private readonly autoreset: boolean,
  ) {}

  reset(seed: number | undefined, options: Record<string, unknown> | undefined): ResetResult {
    this.ended = false;
    return this.env.reset(seed, options);
  }

  step(action: Native): StepResult {
    if (this.ended && this.autoreset) {
      const r = this.reset(undefined, undefined);
      return { obs: r.obs, reward: 0, terminated: false, truncated: false, info: r.info };
    }
    const r = this.env.step(action);
    this.ended = r.terminated || r.truncated;
    return r;
  }
}
