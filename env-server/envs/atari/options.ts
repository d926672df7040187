// make() options of the Atari ids: ale-py's AtariEnv keywords (defaults per id flavour) and the server-side
// preprocessing (Gymnasium's AtariPreprocessing + FrameStackObservation, plus the FireReset and reward clipping
// that ALE's vector env and the DQN-style wrappers add). Every bad value is refused naming what is allowed.

import { type EnvInfo, InvalidOption } from '../env.js';
import { type Kwargs, booleanOption, invalid, numberOption } from '../classic/options.js';
import type { AtariGame } from './games.js';

/** What options need to know of the game: its name and ALE's mode and difficulty lists. */
export type GameFlavours = Pick<AtariGame, 'name' | 'modes' | 'defaultMode' | 'difficulties' | 'defaultDifficulty'>;

export type ObsType = 'rgb' | 'grayscale' | 'ram';
export type Frameskip = number | readonly [number, number];

/** What an id fixes; make() kwargs override each. */
export interface FlavourDefaults {
  frameskip: Frameskip;
  repeatActionProbability: number;
  obsType: ObsType;
}

export interface AtariOptions {
  obsType: ObsType;
  frameskip: Frameskip;
  repeatActionProbability: number;
  fullActionSpace: boolean;
  maxNumFramesPerEpisode: number;
  mode: number | null;
  difficulty: number | null;
}

export interface PreprocessOptions {
  /** Frames per step, fixed or drawn per step from [low, high), max-pooling the last two (the id's frameskip). */
  frameSkip: Frameskip;
  noopMax: number;
  screenSize: number;
  terminalOnLifeLoss: boolean;
  grayscaleObs: boolean;
  scaleObs: boolean;
  /** Frames stacked in the observation; 1 = no stack. */
  frameStack: number;
  fireReset: boolean;
  clipReward: boolean;
  /** 'full': every step carries the whole stack; 'newest': only the newest frame, the client keeps the stack. */
  frameStackTransport: 'full' | 'newest';
}

export const MAX_FRAMES_V5 = 108_000;

/** A list of integers as short text: runs of three or more consecutive values as `a..b`. */
export function compactList(values: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    parts.push(j - i >= 2 ? `${values[i]}..${values[j]}` : values.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Preprocessing's frame skip on ids that step one frame (NoFrameskip), unless frameskip is given: Gymnasium's default. */
export const PREPROCESS_FRAMESKIP = 4;

export function atariKwargs(d: FlavourDefaults, game: GameFlavours): EnvInfo['kwargs'] {
  return {
    mode: { description: `game mode: ${compactList(game.modes)}; null = ALE's default (${game.defaultMode})`, default: null },
    difficulty: { description: `difficulty: ${compactList(game.difficulties)}; null = ALE's default (${game.defaultDifficulty})`, default: null },
    obs_type: { description: "'rgb' (rows x 160 x 3; 210 rows for most games), 'grayscale' (rows x 160) or 'ram' (128 bytes); ignored with preprocess", default: d.obsType },
    frameskip: {
      description: `frames per step: an integer, or [low, high) to draw it uniformly each step${d.frameskip === 1 ? `; with preprocess and no frameskip given, ${PREPROCESS_FRAMESKIP} (as Gymnasium's AtariPreprocessing on a NoFrameskip env)` : ''}`,
      default: Array.isArray(d.frameskip) ? [...d.frameskip] : d.frameskip,
    },
    repeat_action_probability: { description: 'sticky actions: probability that a frame repeats the previous action', default: d.repeatActionProbability },
    full_action_space: { description: 'use all 18 actions instead of the game\'s minimal set', default: false },
    max_num_frames_per_episode: { description: 'truncate an episode after this many frames (0 = never)', default: MAX_FRAMES_V5 },
    preprocess: { description: "Gymnasium's AtariPreprocessing on the server: no-op starts, the id's frameskip (fixed or drawn per step) with max-pooling of each step's last two frames, grayscale, 84x84 INTER_AREA, frame stack", default: false },
    noop_max: { description: 'with preprocess: up to this many no-op frames after reset', default: 30 },
    screen_size: { description: 'with preprocess: side of the square observation (1..160: INTER_AREA only shrinks)', default: 84 },
    terminal_on_life_loss: { description: 'with preprocess: end the episode when a life is lost', default: false },
    grayscale_obs: { description: 'with preprocess: grayscale (true) or RGB (false) frames', default: true },
    scale_obs: { description: 'with preprocess: float32 observations in [0, 1] instead of uint8', default: false },
    frame_stack: { description: 'with preprocess: frames stacked in each observation (1 = none)', default: 4 },
    fire_reset: { description: 'with preprocess: press FIRE after the no-op starts in games that have FIRE (as ALE\'s vector env does)', default: false },
    clip_reward: { description: 'with preprocess: reward is the sign of the step\'s reward', default: false },
    frame_stack_transport: { description: "with preprocess: 'full' sends the whole stack each step, 'newest' only the newest frame (agent-client/frame-stack.ts rebuilds the stack)", default: 'full' },
  };
}

function integerOption(info: EnvInfo, kw: Kwargs, name: string, fallback: number, min: number, max: number): number {
  const v = kw[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(info, name, v, `an integer in [${min}, ${max}]`);
  return v;
}

/** ale-py's `mode` / `difficulty`: null (ALE's default) or one of the game's values. */
function flavourOption(info: EnvInfo, kw: Kwargs, name: 'mode' | 'difficulty', game: GameFlavours): number | null {
  const v = kw[name];
  if (v === undefined || v === null) return null;
  const allowed = name === 'mode' ? game.modes : game.difficulties;
  const plural = name === 'mode' ? 'modes' : 'difficulties';
  if (typeof v !== 'number') throw invalid(info, name, v, `one of ${game.name}'s ${plural} (${compactList(allowed)}) or null`);
  if (!allowed.includes(v)) throw new InvalidOption(`${info.id}: ${name} ${v} is not available for ${game.name}; available ${plural}: ${compactList(allowed)} (or null for the default)`);
  return v;
}

function frameskipOption(info: EnvInfo, kw: Kwargs, fallback: Frameskip): Frameskip {
  const v = kw.frameskip;
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 1) && v[0] < v[1]) return [v[0], v[1]];
  throw invalid(info, 'frameskip', v, 'a positive integer or a pair [low, high) of positive integers with low < high');
}

function choice<T extends string>(info: EnvInfo, kw: Kwargs, name: string, fallback: T, allowed: readonly T[]): T {
  const v = kw[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw invalid(info, name, v, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  return v as T;
}

export function parseAtariOptions(info: EnvInfo, kw: Kwargs, d: FlavourDefaults, game: GameFlavours): AtariOptions {
  return {
    obsType: choice(info, kw, 'obs_type', d.obsType, ['rgb', 'grayscale', 'ram']),
    frameskip: frameskipOption(info, kw, d.frameskip),
    repeatActionProbability: numberOption(info, kw, 'repeat_action_probability', d.repeatActionProbability, 0, 1),
    fullActionSpace: booleanOption(info, kw, 'full_action_space', false),
    maxNumFramesPerEpisode: integerOption(info, kw, 'max_num_frames_per_episode', MAX_FRAMES_V5, 0, 2 ** 31 - 1),
    mode: flavourOption(info, kw, 'mode', game),
    difficulty: flavourOption(info, kw, 'difficulty', game),
  };
}

const PREPROCESS_ONLY = ['noop_max', 'screen_size', 'terminal_on_life_loss', 'grayscale_obs', 'scale_obs', 'frame_stack', 'fire_reset', 'clip_reward', 'frame_stack_transport'];

/** The preprocessing options, or null when `preprocess` is off (then its options are refused rather than ignored). */
export function parsePreprocessOptions(info: EnvInfo, kw: Kwargs, atari: AtariOptions): PreprocessOptions | null {
  if (!booleanOption(info, kw, 'preprocess', false)) {
    const stray = PREPROCESS_ONLY.filter((k) => kw[k] !== undefined);
    if (stray.length) throw new InvalidOption(`${info.id}: option${stray.length > 1 ? 's' : ''} ${stray.map((k) => `'${k}'`).join(', ')} only apply with preprocess: true`);
    return null;
  }
  const frameStack = integerOption(info, kw, 'frame_stack', 4, 1, 64);
  const frameStackTransport = choice(info, kw, 'frame_stack_transport', 'full', ['full', 'newest'] as const);
  if (frameStackTransport === 'newest' && frameStack === 1) throw new InvalidOption(`${info.id}: frame_stack_transport 'newest' needs frame_stack > 1`);
  // The id's own frameskip is the preprocessing's skip (a v0 id's drawn per step, as its env draws it), except that a
  // one-frame id gets Gymnasium's 4 unless asked.
  const frameSkip = atari.frameskip === 1 && kw.frameskip === undefined ? PREPROCESS_FRAMESKIP : atari.frameskip;
  return {
    frameSkip,
    noopMax: integerOption(info, kw, 'noop_max', 30, 0, 100_000),
    screenSize: integerOption(info, kw, 'screen_size', 84, 1, 160),
    terminalOnLifeLoss: booleanOption(info, kw, 'terminal_on_life_loss', false),
    grayscaleObs: booleanOption(info, kw, 'grayscale_obs', true),
    scaleObs: booleanOption(info, kw, 'scale_obs', false),
    frameStack,
    fireReset: booleanOption(info, kw, 'fire_reset', false),
    clipReward: booleanOption(info, kw, 'clip_reward', false),
    frameStackTransport,
  };
}
