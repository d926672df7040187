// One copy of an env inside a backend, with NEXT_STEP autoreset (Gymnasium 1.x vector envs): once the copy's
// episode has ended, its next step ignores the action and returns the reset observation with reward 0, not
// terminated, not truncated. Both backends step their copies through this class and nothing else, into their rows.

import type { Native } from '../../proto/spaces.js';
import { type Env, type ResetResult, type StepRows, stepInto } from '../envs/env.js';

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

  /** Steps the copy into row `row` of `rows`. */
  step(action: Native, rows: StepRows, row: number): void {
    if (this.ended && this.autoreset) {
      rows.put(row, this.reset(undefined, undefined));
      return;
    }
    stepInto(this.env, action, rows, row);
    this.ended = rows.terminated[row] !== 0 || rows.truncated[row] !== 0;
  }
}
