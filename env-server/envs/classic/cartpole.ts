// CartPole-v1 with Gymnasium 1.x dynamics. The arithmetic follows Gymnasium's operation order exactly (explicit
// Euler, float64 state, float32 observation) so fixed inputs reproduce the reference bit for bit.

import { Box, Discrete } from '../../../proto/spaces.js';
import type { TypedArray } from '../../../proto/tensor.js';
import type { Rng } from '../../../proto/rng.js';
import { type Env, type EnvFactory, type EnvInfo, InvalidOption, NO_INFO, type Picture, type ResetResult, type StepResult, type StepRows } from '../env.js';
import { type Kwargs, booleanOption, checkKnownOptions, show } from './options.js';
import { Raster } from './raster.js';
import { entropyRng, reseed } from './seedable-rng.js';

const GRAVITY = 9.8;
const MASS_CART = 1.0;
const MASS_POLE = 0.1;
const TOTAL_MASS = MASS_POLE + MASS_CART;
/** Half the pole's length. */
const LENGTH = 0.5;
const POLE_MASS_LENGTH = MASS_POLE * LENGTH;
const FORCE_MAG = 10.0;
const TAU = 0.02;
export const THETA_THRESHOLD = (12 * 2 * Math.PI) / 360;
export const X_THRESHOLD = 2.4;

const SCREEN_WIDTH = 600;
const SCREEN_HEIGHT = 400;

export const cartPoleInfo: EnvInfo = {
  id: 'CartPole-v1',
  maxEpisodeSteps: 500,
  rewardThreshold: 475.0,
  renderFps: 50,
  kwargs: {
    sutton_barto_reward: {
      description: 'reward 0 per step and -1 on termination (and after it) instead of +1 per step',
      default: false,
    },
  },
};

export interface CartPoleOptions {
  suttonBartoReward: boolean;
}

/** Bounds of `reset(options={low, high})`, as Gymnasium parses them. */
function resetBounds(options: Record<string, unknown> | undefined): [number, number] {
  const low = options?.low ?? -0.05;
  const high = options?.high ?? 0.05;
  if (typeof low !== 'number' || !Number.isFinite(low)) throw new InvalidOption(`reset option 'low' must be a finite number, got ${show(low)}`);
  if (typeof high !== 'number' || !Number.isFinite(high)) throw new InvalidOption(`reset option 'high' must be a finite number, got ${show(high)}`);
  if (low > high) throw new InvalidOption(`reset option 'low' (${low}) must not exceed 'high' (${high})`);
  return [low, high];
}

export class CartPole implements Env<TypedArray, number> {
  readonly observationSpace = new Box(
    [-Math.fround(X_THRESHOLD * 2), -Infinity, -Math.fround(THETA_THRESHOLD * 2), -Infinity],
    [Math.fround(X_THRESHOLD * 2), Infinity, Math.fround(THETA_THRESHOLD * 2), Infinity],
    [4],
    'float32',
  );
  readonly actionSpace = new Discrete(2);
  readonly painter = 'cartpole' as const;
  /** [x, x_dot, theta, theta_dot], float64 as in Gymnasium. */
  private readonly s = new Float64Array(4);
  /** Steps taken since termination; null while the episode runs (Gymnasium's `steps_beyond_terminated`). */
  private stepsBeyondTerminated: number | null = null;
  /** Whether the last step ended the episode. */
  private terminated = false;

  constructor(
    private readonly options: CartPoleOptions = { suttonBartoReward: false },
    private readonly rng: Rng = entropyRng(),
  ) {}

  /** A copy of the float64 internal state. */
  get state(): Float64Array {
    return this.s.slice();
  }

  /** The page draws CartPole from its state: 32 bytes instead of a 600×400 RGB render. */
  picture(): Picture {
    return { kind: 'scene', painter: 'cartpole', state: this.s.slice() };
  }

  /** Puts the system in a given state, as a fresh episode (what Gymnasium's tests do through `env.unwrapped.state`). */
  setState(state: ArrayLike<number>): void {
    if (state.length !== 4) throw new RangeError(`CartPole state has 4 values, got ${state.length}`);
    this.s.set(state);
    this.stepsBeyondTerminated = null;
  }

  reset(seed?: number, options?: Record<string, unknown>): ResetResult<Float32Array> {
    reseed(this.rng, seed);
    const [low, high] = resetBounds(options);
    for (let i = 0; i < 4; i++) this.s[i] = low + (high - low) * this.rng.random();
    this.stepsBeyondTerminated = null;
    return { obs: Float32Array.from(this.s), info: {} };
  }

  step(action: number): StepResult<Float32Array> {
    const reward = this.advance(action);
    return { obs: Float32Array.from(this.s), reward, terminated: this.terminated, truncated: false, info: {} };
  }

  stepInto(action: number, rows: StepRows, row: number): void {
    const reward = this.advance(action);
    const s = this.s;
    const o = rows.obs as Float32Array;
    const base = row * 4;
    o[base] = s[0];
    o[base + 1] = s[1];
    o[base + 2] = s[2];
    o[base + 3] = s[3];
    rows.putOutcome(row, reward, this.terminated, false, NO_INFO);
  }

  /** One Euler step of the state; sets `terminated` and returns the reward. */
  private advance(action: number): number {
    const s = this.s;
    const x = s[0];
    const xDot = s[1];
    const theta = s[2];
    const thetaDot = s[3];
    const force = action === 1 ? FORCE_MAG : -FORCE_MAG;
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    const temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sin) / TOTAL_MASS;
    const thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - (MASS_POLE * (cos * cos)) / TOTAL_MASS));
    const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
    const x2 = (s[0] = x + TAU * xDot);
    s[1] = xDot + TAU * xAcc;
    const theta2 = (s[2] = theta + TAU * thetaDot);
    s[3] = thetaDot + TAU * thetaAcc;

    const terminated = (this.terminated = x2 < -X_THRESHOLD || x2 > X_THRESHOLD || theta2 < -THETA_THRESHOLD || theta2 > THETA_THRESHOLD);
    const sb = this.options.suttonBartoReward;
    if (!terminated) return sb ? 0.0 : 1.0;
    if (this.stepsBeyondTerminated === null) {
      this.stepsBeyondTerminated = 0;
      return sb ? -1.0 : 1.0;
    }
    // Gymnasium warns here; the server refuses such steps before they reach the env.
    this.stepsBeyondTerminated += 1;
    return sb ? -1.0 : 0.0;
  }

  /** Gymnasium's picture: track, cart, pole and axle on white, 600×400. */
  render(): Raster {
    const frame = new Raster(SCREEN_WIDTH, SCREEN_HEIGHT, [255, 255, 255]);
    const scale = SCREEN_WIDTH / (X_THRESHOLD * 2);
    const poleWidth = 10;
    const poleLen = scale * (2 * LENGTH);
    const cartWidth = 50;
    const cartHeight = 30;
    const cartX = this.s[0] * scale + SCREEN_WIDTH / 2;
    const cartY = 100; // height of the cart's centre above the bottom edge
    const axleY = cartY + cartHeight / 4;
    // World points have y upwards from the bottom edge; the frame's rows run downwards.
    const toPixel = (px: number, py: number): [number, number] => [px, SCREEN_HEIGHT - py];

    frame.fillRect(0, SCREEN_HEIGHT - cartY - 0.5, SCREEN_WIDTH, SCREEN_HEIGHT - cartY + 0.5, [0, 0, 0]);
    const l = -cartWidth / 2;
    const r = cartWidth / 2;
    const t = cartHeight / 2;
    const b = -cartHeight / 2;
    frame.fillPolygon([toPixel(cartX + l, cartY + b), toPixel(cartX + l, cartY + t), toPixel(cartX + r, cartY + t), toPixel(cartX + r, cartY + b)], [0, 0, 0]);

    const c = Math.cos(-this.s[2]);
    const s = Math.sin(-this.s[2]);
    const pole: [number, number][] = [
      [-poleWidth / 2, -poleWidth / 2],
      [-poleWidth / 2, poleLen - poleWidth / 2],
      [poleWidth / 2, poleLen - poleWidth / 2],
      [poleWidth / 2, -poleWidth / 2],
    ];
    frame.fillPolygon(
      pole.map(([px, py]) => toPixel(cartX + px * c - py * s, axleY + px * s + py * c)),
      [202, 152, 101],
    );
    const [ax, ay] = toPixel(cartX, axleY);
    frame.fillCircle(ax, ay, poleWidth / 2, [129, 132, 203]);
    return frame;
  }
}

export const makeCartPole: EnvFactory = (kwargs: Kwargs, rng?: Rng) => {
  checkKnownOptions(cartPoleInfo, kwargs);
  return new CartPole({ suttonBartoReward: booleanOption(cartPoleInfo, kwargs, 'sutton_barto_reward', false) }, rng);
};
