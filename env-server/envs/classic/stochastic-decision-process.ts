// The discrete stochastic decision process of Kulkarni et al. (2016, h-DQN), as the public implementations run it
// (RL-Adventure's StochasticMDP): states s1..s6 starting at s2, s1 terminal; "right" succeeds with probability
// 1/2 (one uniform draw, taken even at s6 where it always fails); reaching s1 pays 1 if s6 was visited, else 0.01.

import { Box, Discrete } from '../../../proto/spaces.js';
import type { TypedArray } from '../../../proto/tensor.js';
import type { Rng } from '../../../proto/rng.js';
import type { Env, EnvFactory, EnvInfo, ResetResult, StepResult } from '../env.js';
import { type Kwargs, checkKnownOptions } from './options.js';
import { Raster } from './raster.js';
import { entropyRng, reseed } from './seedable-rng.js';

export const N_STATES = 6;
const START = 2;
const P_RIGHT = 0.5;
export const LEFT = 0;
export const RIGHT = 1;

/** One outcome of P[s][a] (states 1..6): probability, next state, done. */
export type DsdpTransition = readonly [prob: number, next: number, done: boolean];

export const stochasticDecisionProcessInfo: EnvInfo = {
  id: 'StochasticDecisionProcess-v0',
  // The original has no step limit; episodes end at s1 with probability 1.
  // No reference frame rate exists; 4 matches the other grid toy, FrozenLake.
  renderFps: 4,
  kwargs: {},
};

export class StochasticDecisionProcess implements Env<TypedArray, number> {
  readonly observationSpace = new Box(0, 1, [N_STATES], 'float64');
  readonly actionSpace = new Discrete(2);
  private s = START;
  private visited6 = false;

  constructor(private readonly rng: Rng = entropyRng()) {}

  get state(): number {
    return this.s;
  }

  /** P[s][a] for s in 1..6 (index 0 unused): the chain's outcomes, ignoring the visited-s6 flag that sets the reward. */
  static transitions(): DsdpTransition[][][] {
    const P: DsdpTransition[][][] = [[]];
    for (let s = 1; s <= N_STATES; s++) {
      if (s === 1) P.push([[[1.0, 1, true]], [[1.0, 1, true]]]);
      else {
        const left: DsdpTransition = [1.0, s - 1, s - 1 === 1];
        const right: DsdpTransition[] = s < N_STATES ? [[1 - P_RIGHT, s - 1, s - 1 === 1], [P_RIGHT, s + 1, false]] : [left];
        P.push([[left], right]);
      }
    }
    return P;
  }

  private observation(): Float64Array {
    const obs = new Float64Array(N_STATES);
    obs[this.s - 1] = 1.0;
    return obs;
  }

  reset(seed?: number): ResetResult<Float64Array> {
    reseed(this.rng, seed);
    this.s = START;
    this.visited6 = false;
    return { obs: this.observation(), info: {} };
  }

  step(action: number): StepResult<Float64Array> {
    if (this.s !== 1) {
      if (action === RIGHT) {
        // The draw comes first, so it is taken at s6 too.
        const u = this.rng.random();
        this.s += u < P_RIGHT && this.s < N_STATES ? 1 : -1;
      } else {
        this.s -= 1;
      }
      if (this.s === N_STATES) this.visited6 = true;
    }
    const done = this.s === 1;
    const reward = done ? (this.visited6 ? 1.0 : 1.0 / 100.0) : 0.0;
    return { obs: this.observation(), reward, terminated: done, truncated: false, info: {} };
  }

  /** Six cells in a row; the current one filled, s6 outlined in gold once visited. */
  render(): Raster {
    const cell = 64;
    const frame = new Raster(cell * N_STATES, cell, [255, 255, 255]);
    for (let i = 0; i < N_STATES; i++) {
      const x = i * cell;
      frame.fillRect(x + 4, 4, x + cell - 4, cell - 4, i === 0 ? [200, 230, 200] : [225, 225, 235]);
      if (i === N_STATES - 1 && this.visited6) frame.strokeRect(x + 1, 1, x + cell - 1, cell - 1, [220, 170, 0]);
    }
    frame.fillCircle((this.s - 0.5) * cell, cell / 2, cell * 0.3, [40, 60, 200]);
    return frame;
  }
}

export const makeStochasticDecisionProcess: EnvFactory = (kwargs: Kwargs, rng?: Rng) => {
  checkKnownOptions(stochasticDecisionProcessInfo, kwargs);
  return new StochasticDecisionProcess(rng);
};
