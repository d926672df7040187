// FrozenLake-v1 / FrozenLake8x8-v1 as in Gymnasium 1.x: the transition table P is built the same way (slip
// outcomes in the order (a-1)%4, a, (a+1)%4; repeated outcomes kept apart), and sampling is Gymnasium's
// categorical sample (first cumulative probability above one uniform draw), so recorded uniforms replay exactly.

import { Discrete } from '../../../proto/spaces.js';
import type { Rng } from '../../../proto/rng.js';
import { type Env, type EnvFactory, type EnvInfo, InvalidOption, type ResetResult, type StepResult } from '../env.js';
import { type Kwargs, booleanOption, checkKnownOptions, invalid, numberOption } from './options.js';
import { Raster, type Rgb } from './raster.js';
import { entropyRng, reseed } from './seedable-rng.js';

export const MAPS: Readonly<Record<string, readonly string[]>> = {
  '4x4': ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
  '8x8': ['SFFFFFFF', 'FFFFFFFF', 'FFFHFFFF', 'FFFFFHFF', 'FFFHFFFF', 'FHHFFFHF', 'FHFFHFHF', 'FFFHFFFG'],
};

export const LEFT = 0;
export const DOWN = 1;
export const RIGHT = 2;
export const UP = 3;

/** One outcome of P[s][a]: probability, next state, reward, terminated. */
export type Transition = readonly [prob: number, next: number, reward: number, terminated: boolean];

export interface FrozenLakeOptions {
  desc: readonly string[];
  isSlippery: boolean;
  successRate: number;
  /** Rewards for entering G, H and any other cell. */
  rewardSchedule: readonly [number, number, number];
}

function frozenLakeKwargs(mapName: string): EnvInfo['kwargs'] {
  return {
    desc: { description: "custom map: rows of S (start), F (frozen), H (hole), G (goal); overrides map_name", default: null },
    map_name: { description: "built-in map, '4x4' or '8x8'", default: mapName },
    is_slippery: { description: 'whether moves slip to a perpendicular direction', default: true },
    success_rate: { description: 'probability that a slippery move goes the intended way; the rest splits evenly between the perpendiculars', default: 1 / 3 },
    reward_schedule: { description: 'rewards for entering [goal, hole, frozen]', default: [1, 0, 0] },
  };
}

export const frozenLakeInfo: EnvInfo = {
  id: 'FrozenLake-v1',
  maxEpisodeSteps: 100,
  rewardThreshold: 0.7,
  renderFps: 4,
  kwargs: frozenLakeKwargs('4x4'),
};

export const frozenLake8x8Info: EnvInfo = {
  id: 'FrozenLake8x8-v1',
  maxEpisodeSteps: 200,
  rewardThreshold: 0.85,
  renderFps: 4,
  kwargs: frozenLakeKwargs('8x8'),
};

/** Gymnasium's categorical_sample: the first index whose cumulative probability exceeds u (0 if none does). */
function categorical(probs: readonly number[], u: number): number {
  let cum = 0;
  for (let i = 0; i < probs.length; i++) {
    cum += probs[i];
    if (cum > u) return i;
  }
  return 0;
}

export class FrozenLake implements Env<number, number> {
  readonly observationSpace: Discrete;
  readonly actionSpace = new Discrete(4);
  readonly nrow: number;
  readonly ncol: number;
  /** P[s][a]: the outcomes of taking a in s, in Gymnasium's order. */
  readonly P: readonly (readonly (readonly Transition[])[])[];
  private readonly initialDistribution: number[];
  private s = 0;
  private lastAction: number | null = null;

  constructor(
    readonly options: FrozenLakeOptions,
    private readonly rng: Rng = entropyRng(),
  ) {
    const { desc, isSlippery, successRate, rewardSchedule } = options;
    this.nrow = desc.length;
    this.ncol = desc[0].length;
    const nS = this.nrow * this.ncol;
    this.observationSpace = new Discrete(nS);
    const cells = desc.join('');
    const starts = [...cells].filter((c) => c === 'S').length;
    this.initialDistribution = [...cells].map((c) => (c === 'S' ? 1 : 0) / starts);

    const failRate = (1.0 - successRate) / 2.0;
    const outcome = (row: number, col: number, a: number): [number, number, boolean] => {
      const [r, c] = this.move(row, col, a);
      const next = r * this.ncol + c;
      const letter = desc[r][c];
      const reward = letter === 'G' ? rewardSchedule[0] : letter === 'H' ? rewardSchedule[1] : rewardSchedule[2];
      return [next, reward, letter === 'G' || letter === 'H'];
    };
    const P: Transition[][][] = [];
    for (let row = 0; row < this.nrow; row++) {
      for (let col = 0; col < this.ncol; col++) {
        const s = row * this.ncol + col;
        const absorbing = desc[row][col] === 'G' || desc[row][col] === 'H';
        P.push(
          [0, 1, 2, 3].map((a): Transition[] => {
            if (absorbing) return [[1.0, s, 0, true]];
            if (!isSlippery) return [[1.0, ...outcome(row, col, a)]];
            return [(a + 3) % 4, a, (a + 1) % 4].map((b): Transition => [b === a ? successRate : failRate, ...outcome(row, col, b)]);
          }),
        );
      }
    }
    this.P = P;
  }

  private move(row: number, col: number, a: number): [number, number] {
    if (a === LEFT) return [row, Math.max(col - 1, 0)];
    if (a === DOWN) return [Math.min(row + 1, this.nrow - 1), col];
    if (a === RIGHT) return [row, Math.min(col + 1, this.ncol - 1)];
    return [Math.max(row - 1, 0), col];
  }

  get state(): number {
    return this.s;
  }

  reset(seed?: number): ResetResult<number> {
    reseed(this.rng, seed);
    this.s = categorical(this.initialDistribution, this.rng.random());
    this.lastAction = null;
    return { obs: this.s, info: { prob: 1 } };
  }

  step(action: number): StepResult<number> {
    const outcomes = this.P[this.s][action];
    const [prob, next, reward, terminated] = outcomes[categorical(outcomes.map((t) => t[0]), this.rng.random())];
    this.s = next;
    this.lastAction = action;
    return { obs: next, reward, terminated, truncated: false, info: { prob } };
  }

  /** Gymnasium's layout (64-pixel cells, at most 512 pixels a side) drawn with flat shapes instead of sprites. */
  render(): Raster {
    const width = Math.min(64 * this.ncol, 512);
    const height = Math.min(64 * this.nrow, 512);
    const cw = Math.floor(width / this.ncol);
    const ch = Math.floor(height / this.nrow);
    const frame = new Raster(width, height, [255, 255, 255]);
    const ICE: Rgb = [204, 230, 255];
    for (let row = 0; row < this.nrow; row++) {
      for (let col = 0; col < this.ncol; col++) {
        const x = col * cw;
        const y = row * ch;
        frame.fillRect(x, y, x + cw, y + ch, ICE);
        const letter = this.options.desc[row][col];
        if (letter === 'H') frame.fillCircle(x + cw / 2, y + ch / 2, Math.min(cw, ch) * 0.4, [30, 50, 90]);
        else if (letter === 'G') frame.fillRect(x + cw * 0.25, y + ch * 0.25, x + cw * 0.75, y + ch * 0.75, [40, 160, 60]);
        else if (letter === 'S') frame.fillRect(x + cw * 0.3, y + ch * 0.6, x + cw * 0.7, y + ch * 0.8, [140, 90, 40]);
        frame.strokeRect(x, y, x + cw, y + ch, [180, 200, 230]);
      }
    }
    const row = Math.floor(this.s / this.ncol);
    const col = this.s % this.ncol;
    const inHole = this.options.desc[row][col] === 'H';
    const cx = col * cw + cw / 2;
    const cy = row * ch + ch / 2;
    frame.fillCircle(cx, cy, Math.min(cw, ch) * 0.25, inHole ? [120, 20, 20] : [220, 40, 40]);
    // A dot on the side the agent last moved towards (Gymnasium turns the elf; down after reset).
    const [dx, dy] = [[-1, 0], [0, 1], [1, 0], [0, -1]][this.lastAction ?? DOWN];
    frame.fillCircle(cx + dx * cw * 0.2, cy + dy * ch * 0.2, Math.min(cw, ch) * 0.08, [255, 255, 255]);
    return frame;
  }
}

/** Keeps P (four lists per cell) to a size a server can hold for every session. */
const MAX_CELLS = 1 << 16;

/** Checks a custom map: equal-length rows of S/F/H/G, at least one start and one goal. */
function parseDesc(info: EnvInfo, value: unknown): string[] {
  const allowed = 'a non-empty array of equal-length strings over S, F, H, G with at least one S and one G (e.g. ["SF", "HG"])';
  if (!Array.isArray(value) || value.length === 0 || !value.every((r) => typeof r === 'string')) throw invalid(info, 'desc', value, allowed);
  const rows = value as string[];
  const width = rows[0].length;
  if (width === 0 || rows.some((r) => r.length !== width)) throw invalid(info, 'desc', value, `${allowed}; rows differ in length or are empty`);
  const bad = rows.join('').replace(/[SFHG]/g, '');
  if (bad) throw invalid(info, 'desc', value, `${allowed}; found ${JSON.stringify([...new Set(bad)].join(''))}`);
  if (rows.length * width > MAX_CELLS) throw new InvalidOption(`${info.id}: option 'desc' has ${rows.length * width} cells; at most ${MAX_CELLS} are allowed`);
  if (!rows.some((r) => r.includes('S'))) throw invalid(info, 'desc', value, `${allowed}; there is no S`);
  if (!rows.some((r) => r.includes('G'))) throw invalid(info, 'desc', value, `${allowed}; there is no G`);
  return rows;
}

function parseRewardSchedule(info: EnvInfo, value: unknown): [number, number, number] {
  if (value === undefined) return [1, 0, 0];
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw invalid(info, 'reward_schedule', value, 'three finite numbers [goal, hole, frozen]');
  }
  return [value[0], value[1], value[2]];
}

function frozenLakeFactory(info: EnvInfo, defaultMap: string): EnvFactory {
  return (kwargs: Kwargs, rng?: Rng) => {
    checkKnownOptions(info, kwargs);
    const mapName = kwargs.map_name ?? defaultMap;
    if (typeof mapName !== 'string' || !(mapName in MAPS)) throw invalid(info, 'map_name', mapName, `one of ${Object.keys(MAPS).map((m) => `'${m}'`).join(', ')}`);
    const desc = kwargs.desc === undefined || kwargs.desc === null ? MAPS[mapName] : parseDesc(info, kwargs.desc);
    const options: FrozenLakeOptions = {
      desc,
      isSlippery: booleanOption(info, kwargs, 'is_slippery', true),
      successRate: numberOption(info, kwargs, 'success_rate', 1.0 / 3.0, 0, 1),
      rewardSchedule: parseRewardSchedule(info, kwargs.reward_schedule),
    };
    return new FrozenLake(options, rng);
  };
}

export const makeFrozenLake = frozenLakeFactory(frozenLakeInfo, '4x4');
export const makeFrozenLake8x8 = frozenLakeFactory(frozenLake8x8Info, '8x8');
