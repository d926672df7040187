// Platform-v0, the parameterised-action platformer of Masson et al. (2016) in cycraig/gym-platform's version.
// One macro step runs DT-second sub-updates until a run's second is over or a jump lands. Every Gaussian draw
// goes through `rng.normal()` in the reference's call order (player first, then the active enemy), so recorded
// standard-normal draws, or a generator returning 0, replay the reference exactly.

import { Box, Discrete, type Native, Tuple } from '../../../proto/spaces.js';
import type { Rng } from '../../../proto/rng.js';
import type { Env, EnvFactory, EnvInfo, ResetResult, StepResult } from '../env.js';
import { type Kwargs, checkKnownOptions } from './options.js';
import { Raster } from './raster.js';
import { entropyRng, reseed } from './seedable-rng.js';

const PLATFORM_HEIGHT = 40.0;
const WIDTHS = [250, 275, 50] as const;
const GAPS = [225, 235] as const;
const TOTAL_WIDTH = WIDTHS[0] + WIDTHS[1] + WIDTHS[2] + GAPS[0] + GAPS[1];
const MAX_PLATFORM_WIDTH = Math.max(...WIDTHS);
const MAX_GAP = Math.max(...GAPS);
const MAX_HEIGHT = 1.0;
const ENEMY_SPEED = 30.0;
const ENEMY_NOISE = 0.5;
const PLAYER_NOISE = 0.5;
const BODY_W = 20.0;
const BODY_H = 30.0;
const DT = 0.05;
const MAX_DX = 100.0;
const MAX_DY = 200.0;
const MAX_DX_ON = 70.0;
const MAX_DDX = (MAX_DX - MAX_DX_ON) / DT;
const MAX_DDY = MAX_DY / DT;
const JUMP_DEV = 1.0;
const VELOCITY_DECAY = 0.99;
const GRAVITY = 9.8;
const HOP_DY0 = 35.0;
const LEAP_DY0 = 25.0;
export const PARAMETERS_MAX = [30, 720, 430] as const;

export const RUN = 0;
export const HOP = 1;
export const LEAP = 2;

const SHIFT = [BODY_W, 0, 0, ENEMY_SPEED, 0, 0, 0, 0, 0];
const SCALE = [TOTAL_WIDTH + BODY_W, MAX_DX, TOTAL_WIDTH, 2 * ENEMY_SPEED, MAX_PLATFORM_WIDTH, MAX_PLATFORM_WIDTH, MAX_GAP, TOTAL_WIDTH, MAX_HEIGHT];

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const PLATFORMS: readonly Rect[] = [
  { x: 0.0, y: 0.0, w: WIDTHS[0], h: PLATFORM_HEIGHT },
  { x: WIDTHS[0] + GAPS[0], y: 0.0, w: WIDTHS[1], h: PLATFORM_HEIGHT },
  { x: WIDTHS[0] + GAPS[0] + WIDTHS[1] + GAPS[1], y: 0.0, w: WIDTHS[2], h: PLATFORM_HEIGHT },
];
const RIGHT_BOUND = PLATFORMS[2].x + PLATFORMS[2].w;
const LOWER_BOUND = Math.min(...PLATFORMS.map((p) => p.y));

function clip(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** Strict overlap of a player-sized box at (x, y) with `other`. */
function overlaps(x: number, y: number, other: Rect): boolean {
  return other.x - BODY_W < x && other.y - BODY_H < y && x < other.x + other.w && y < other.y + other.h;
}

class Enemy {
  x = 0;
  y = 0;
  dx = 0;
  constructor(readonly platform: Rect) {
    this.reset();
  }
  reset(): void {
    this.x = this.platform.x + this.platform.w - BODY_W;
    this.y = this.platform.y + this.platform.h;
    this.dx = -ENEMY_SPEED;
  }
  get rect(): Rect {
    return { x: this.x, y: this.y, w: BODY_W, h: BODY_H };
  }
  /** Patrols its platform, turning at the ends (including when it sits exactly on one). */
  update(z: number): void {
    const left = this.platform.x;
    const right = this.platform.x + this.platform.w - BODY_W;
    if (!(left < this.x && this.x < right)) this.dx *= -1;
    this.dx += 0.0 + ENEMY_NOISE * DT * z;
    this.dx = clip(this.dx, -ENEMY_SPEED, ENEMY_SPEED);
    this.x += this.dx * DT;
    this.x = clip(this.x, left, right);
  }
}

export const platformInfo: EnvInfo = {
  id: 'Platform-v0',
  maxEpisodeSteps: 200,
  // gym-platform declares no frame rate; 20 is one frame per DT-second sub-update.
  renderFps: 20,
  kwargs: {},
};

const F32_MAX = 3.4028234663852886e38;
/** What step accepts: the action space with every finite float32 as a parameter. */
const ACCEPTED_ACTIONS = new Tuple([new Discrete(3), new Tuple(PARAMETERS_MAX.map(() => new Box(-F32_MAX, F32_MAX, [1], 'float32')))]);

/** Observations are [state (9 float64 features), sub-updates taken]. */
export class Platform implements Env<Native[], Native[]> {
  // The reference returns its float64 state unrounded (while declaring float32), so float64 is declared here.
  readonly observationSpace = new Tuple([new Box(0, 1, [9], 'float64'), new Discrete(200)]);
  /** [action index, [[run power], [hop distance], [leap distance]]]: only the chosen action's parameter is used. */
  readonly actionSpace = new Tuple([new Discrete(3), new Tuple(PARAMETERS_MAX.map((hi) => new Box(0, hi, [1], 'float32')))]);

  /**
   * gym-platform clips parameters outside the action space (its own random episodes draw from [-10%, 110%] of
   * each range), so any finite float32 parameter is stepped, clipped; NaN and ±inf are refused.
   */
  checkAction(action: Native[]): string | null {
    return ACCEPTED_ACTIONS.check(action);
  }

  private px = 0;
  private py = PLATFORM_HEIGHT;
  private vx = 0;
  private vy = 0;
  private readonly enemies = [new Enemy(PLATFORMS[0]), new Enemy(PLATFORMS[1])];
  /** The player's x at the start of the current macro step: rewards measure progress from it. */
  private xStart = 0;

  constructor(private readonly rng: Rng = entropyRng()) {}

  /** [px, py, vx, vy, e1x, e1y, e1dx, e2x, e2y, e2dx], the reference's internal state. */
  get internal(): number[] {
    const [e1, e2] = this.enemies;
    return [this.px, this.py, this.vx, this.vy, e1.x, e1.y, e1.dx, e2.x, e2.y, e2.dx];
  }

  reset(seed?: number): ResetResult<Native[]> {
    reseed(this.rng, seed);
    this.px = 0.0;
    this.py = PLATFORM_HEIGHT;
    this.vx = 0.0;
    this.vy = 0.0;
    this.xStart = 0.0;
    for (const e of this.enemies) e.reset();
    return { obs: [this.features(), 0], info: {} };
  }

  step(action: Native[]): StepResult<Native[]> {
    const kind = action[0] as number;
    // Out-of-range parameters are legal in the reference and are clipped.
    const param = clip(Number((action[1] as Float32Array[])[kind][0]), 0, PARAMETERS_MAX[kind]);
    this.xStart = this.px;
    let substeps = 0;
    let timeLeft = 1.0;
    let reward = 0;
    let terminated = false;
    for (let running = true; running; ) {
      [reward, terminated] = this.update(kind, param);
      if (kind === RUN) {
        timeLeft -= DT;
        running = timeLeft > 0;
      } else {
        running = !this.onPlatforms();
      }
      if (terminated) running = false;
      substeps += 1;
    }
    return { obs: [this.features(), substeps], reward, terminated, truncated: false, info: {} };
  }

  private onPlatforms(): boolean {
    return PLATFORMS.some((p) => this.py - p.y === p.h && -BODY_W <= this.px - p.x && this.px - p.x <= p.w);
  }

  /** One DT sub-update; returns the reward so far in this macro step and whether the episode ended. */
  private update(kind: number, param: number): [number, boolean] {
    if (!this.onPlatforms()) this.accelerate(0.0, -GRAVITY);
    else if (kind === RUN) this.accelerate(param / DT, 0.0);
    else this.jumpTo(param, kind === HOP ? HOP_DY0 : LEAP_DY0);
    if (this.onPlatforms()) this.vx = clip(this.vx, 0.0, MAX_DX_ON);

    const enemy = this.activeEnemy();
    this.px += this.vx * DT;
    this.py += this.vy * DT;
    this.px = clip(this.px, 0.0, TOTAL_WIDTH);
    this.vx *= VELOCITY_DECAY;
    enemy.update(this.rng.normal());

    for (const p of PLATFORMS) {
      if (overlaps(this.px, this.py, p)) {
        this.decollide(p);
        this.vx = 0.0;
      }
    }

    let reward = (this.px - this.xStart) / RIGHT_BOUND;
    let end = this.py < LOWER_BOUND + PLATFORM_HEIGHT;
    if (this.enemies.some((e) => overlaps(this.px, this.py, e.rect))) end = true;
    if (this.px >= RIGHT_BOUND) {
      reward = (RIGHT_BOUND - this.xStart) / RIGHT_BOUND;
      end = true;
    }
    return [reward, end];
  }

  private activeEnemy(): Enemy {
    return this.px > PLATFORMS[1].x ? this.enemies[1] : this.enemies[0];
  }

  private accelerate(ax: number, ay: number): void {
    this.vx += clip(ax, -MAX_DDX, MAX_DDX) * DT;
    this.vy += clip(ay, -MAX_DDY, MAX_DDY) * DT;
    this.vx -= Math.abs(0.0 + PLAYER_NOISE * DT * this.rng.normal());
    this.vx = clip(this.vx, -MAX_DX, MAX_DX);
    this.vy = clip(this.vy, -MAX_DY, MAX_DY);
    // Python's max(vx, 0.0) keeps vx when they compare equal.
    if (0.0 > this.vx) this.vx = 0.0;
  }

  /** Launches towards a point `diffx` ahead with initial upward speed dy0, both reduced by half-normal noise. */
  private jumpTo(diffx: number, dy0: number): void {
    const time = (2.0 * dy0) / GRAVITY + 1.0;
    const dx0 = clip(diffx / time - this.vx, -MAX_DDX, MAX_DY - dy0);
    const noiseX = -Math.abs(0.0 + JUMP_DEV * this.rng.normal());
    const noiseY = -Math.abs(0.0 + JUMP_DEV * this.rng.normal());
    this.accelerate((dx0 + noiseX) / DT, (dy0 + noiseY) / DT);
  }

  /** Pushes the player out of a platform along the axis of least overlap. */
  private decollide(o: Rect): void {
    let nx = this.px;
    let ny = this.py;
    if (this.px < o.x) nx = o.x - BODY_W;
    else if (this.px > o.x + o.w - BODY_W) nx = o.x + o.w;
    if (this.py < o.y) ny = o.y - BODY_H;
    else if (this.py > o.y + o.h - BODY_H) ny = o.y + o.h;
    const moveY = nx === this.px ? true : ny === this.py ? false : !(Math.abs(this.px - nx) < Math.abs(this.py - ny));
    if (moveY) {
      this.vy = 0.0;
      this.py = ny;
    } else {
      this.vx = 0.0;
      this.px = nx;
    }
  }

  private features(): Float64Array {
    const enemy = this.activeEnemy();
    const x = this.px;
    let platform: number[];
    if (x < WIDTHS[0] + GAPS[0]) platform = [WIDTHS[0], WIDTHS[1], GAPS[0], 0.0, 0.0];
    else if (x < WIDTHS[0] + GAPS[0] + WIDTHS[1] + GAPS[1]) platform = [WIDTHS[1], WIDTHS[2], GAPS[1], WIDTHS[0] + GAPS[0], 0.0];
    else platform = [WIDTHS[2], 0.0, 0.0, WIDTHS[0] + GAPS[0] + WIDTHS[1] + GAPS[1], 0.0];
    const raw = [x, this.vx, enemy.x, enemy.dx, ...platform];
    return Float64Array.from(raw, (v, i) => (v + SHIFT[i]) / SCALE[i]);
  }

  /** The reference's 1035×300 window: platforms, player and enemies as flat boxes, 50 pixels above the bottom. */
  render(): Raster {
    const height = 300;
    const frame = new Raster(TOTAL_WIDTH, height, [150, 200, 235]);
    const draw = (r: Rect, c: readonly [number, number, number]): void => frame.fillRect(r.x, height - (r.y + 50 + r.h), r.x + r.w, height - (r.y + 50), c);
    for (const p of PLATFORMS) draw(p, [110, 80, 50]);
    for (const e of this.enemies) draw(e.rect, [200, 40, 40]);
    draw({ x: this.px, y: this.py, w: BODY_W, h: BODY_H }, [40, 60, 200]);
    return frame;
  }
}

export const makePlatform: EnvFactory = (kwargs: Kwargs, rng?: Rng) => {
  checkKnownOptions(platformInfo, kwargs);
  return new Platform(rng);
};
