// ALE's environment around the console: the reset procedure, act() with
// frame skip and sticky actions, paddle positions and frame counters.
import { Game, Console, PADDLE_MIN } from './game';
import { gameIndexForMd5, createGame } from './table';
import { stickBits, paddleDirection, pressesFire, NOOP, PLAYER_B_NOOP, RESET, ACTION_COUNT } from './actions';
import { powerOn, systemReset, runFrame } from '../system';
import { configureDisplay } from '../tia';
import {
  configureInput, usesPaddles, setStick, setPaddle, setConsoleButtons, setDifficulty, releasePaddleButtons,
} from '../input';
import { peekRam } from '../memory-map';
import { MersenneTwister } from '../mt19937';
import { detectScheme, loadCartridge } from '../carts/detect';

const PADDLE_DELTA: f64 = 23000;
const SOFT_RESET_FRAMES = 4;
const NOOP_RESET_FRAMES = 60;

export let game: Game | null = null;
export type GameRef = Game;

let leftPaddle: i32 = 0;
let rightPaddle: i32 = 0;
let frameNumber: i32 = 0;
let episodeFrameNumber: i32 = 0;
let mode: i32 = 0;
let difficulty: i32 = 0;
// Actions last applied, kept when a sticky action repeats.
let lastActionA: i32 = NOOP;
let lastActionB: i32 = PLAYER_B_NOOP;

let frameSkip: i32 = 1;
let repeatProbability: f64 = 0;
let maxFramesPerEpisode: i32 = 0;
const environmentRandom = new MersenneTwister();
let environmentSeed: u32 = 0;

export function configure(skip: i32, stickiness: f64, maxFrames: i32, seed: u32): void {
  frameSkip = skip < 1 ? 1 : skip;
  repeatProbability = stickiness;
  maxFramesPerEpisode = maxFrames;
  environmentSeed = seed;
}

/** 0 on success; 1 unknown MD5; else as startGame. */
export function loadGame(md5Hex: usize, image: usize, size: u32): i32 {
  const index = gameIndexForMd5(md5Hex);
  if (index < 0) return 1;
  return startGame(createGame(index), image, size);
}

/**
 * Installs the image and plays it as `g`, whose cartridge properties decide
 * the scheme, the display and the format probe, as ALE's loadROM does.
 * 0 on success; 2 image not recognised; 3 scheme recognised but not emulated.
 */
export function startGame(g: Game, image: usize, size: u32): i32 {
  const status = installGame(g, image, size);
  if (status != 0) return status;
  powerOn(g.format);
  resetGame();
  return 0;
}

/**
 * startGame up to the power-on: the cart in its slot, the game's controllers and display, a new environment. A host
 * that kept a snapshot of this ROM's state after startGame restores it on top of this instead of emulating again.
 */
export function installGame(g: Game, image: usize, size: u32): i32 {
  const kind = g.cartType >= 0 ? g.cartType : detectScheme(image, size);
  if (kind < 0) return 2;
  if (!loadCartridge(image, size, kind)) return 3;
  game = g;
  // Like ALE, every loaded ROM gets a new environment (seeded afresh).
  reseedEnvironment();
  lastActionA = NOOP;
  lastActionB = PLAYER_B_NOOP;
  configureInput(g.leftController, g.rightController, g.swapPaddles, g.swapPorts);
  configureDisplay(g.firstLine, g.height, g.hmoveBlanks);
  mode = g.modes[0];
  difficulty = 0;
  frameNumber = 0;
  episodeFrameNumber = 0;
  resetPaddles();
  return 0;
}

// Draws from the environment's generator since it was seeded: a load or reset that drew none (only mode menus driven
// through act() draw) ends in the same state whatever the seed, so the host may reuse it for another copy.
let environmentDraws: i32 = 0;

export function reseedEnvironment(): void {
  environmentRandom.seed(environmentSeed);
  environmentDraws = 0;
}

export function environmentDrawn(): bool {
  return environmentDraws != 0;
}

function theGame(): Game {
  return changetype<Game>(game);
}

function resetPaddles(): void {
  const centre = (PADDLE_MIN + theGame().paddleMax) / 2;
  leftPaddle = centre;
  rightPaddle = centre;
}

// ALE's event handling: every frame starts from all keys released, with
// the difficulty switches set from the chosen difficulty.
function releaseKeys(): void {
  setConsoleButtons(false, false);
  setStick(0, 0);
  setStick(1, 0);
  releasePaddleButtons();
  setDifficulty((difficulty & 1) != 0, (difficulty & 2) != 0);
}

function clampPaddle(value: i32): i32 {
  const max = theGame().paddleMax;
  return value < PADDLE_MIN ? PADDLE_MIN : (value > max ? max : value);
}

function applyPaddles(actionA: i32, actionB: i32, strengthA: f32, strengthB: f32): void {
  releaseKeys();
  const deltaA = <i32>(PADDLE_DELTA * Math.abs(<f64>strengthA));
  const deltaB = <i32>(PADDLE_DELTA * Math.abs(<f64>strengthB));
  leftPaddle = clampPaddle(leftPaddle + paddleDirection(actionA) * deltaA);
  rightPaddle = clampPaddle(rightPaddle + paddleDirection(actionB - PLAYER_B_NOOP) * deltaB);
  setConsoleButtons(actionA == RESET || actionB == RESET, false);
  setPaddle(0, leftPaddle, pressesFire(actionA));
  setPaddle(1, rightPaddle, pressesFire(actionB - PLAYER_B_NOOP));
}

function applySticks(actionA: i32, actionB: i32): void {
  releaseKeys();
  setStick(0, stickBits(actionA));
  setStick(1, stickBits(actionB - PLAYER_B_NOOP));
  setConsoleButtons(actionA == RESET || actionB == RESET, false);
}

function emulate(actionA: i32, actionB: i32, frames: i32, strengthA: f32 = 1, strengthB: f32 = 1): void {
  const g = theGame();
  if (usesPaddles()) {
    for (let i = 0; i < frames; i++) {
      applyPaddles(actionA, actionB, strengthA, strengthB);
      runFrame();
      g.step();
    }
  } else {
    applySticks(actionA, actionB);
    for (let i = 0; i < frames; i++) {
      runFrame();
      g.step();
    }
  }
  // ALE then copies the RAM out through the bus, leaving the last byte on it.
  peekRam(0x7f);
}

function softReset(): void {
  emulate(RESET, PLAYER_B_NOOP, SOFT_RESET_FRAMES);
  lastActionA = NOOP;
  lastActionB = PLAYER_B_NOOP;
}

function pressSelect(frames: i32): void {
  releaseKeys();
  setConsoleButtons(false, true);
  for (let i = 0; i < frames; i++) runFrame();
  peekRam(0x7f);
  emulate(NOOP, PLAYER_B_NOOP, 1);
  frameNumber++;
  episodeFrameNumber++;
}

class EnvironmentConsole extends Console {
  pressSelect(frames: i32): void {
    pressSelect(frames);
  }

  softReset(): void {
    softReset();
  }

  act(action: i32): i32 {
    return act(action, 1);
  }

  random(): u32 {
    return environmentRandom.next();
  }
}

const theConsole = new EnvironmentConsole();

export function resetGame(): void {
  const g = theGame();
  episodeFrameNumber = 0;
  resetPaddles();
  systemReset();
  emulate(NOOP, PLAYER_B_NOOP, NOOP_RESET_FRAMES);
  softReset();
  g.reset();
  g.selectMode(mode, theConsole);
  softReset();
  for (let i = 0; i < g.startingActions.length; i++) emulate(g.startingActions[i], PLAYER_B_NOOP, 1);
}

export function isTerminal(withTruncation: bool): bool {
  if (theGame().terminal) return true;
  return withTruncation && maxFramesPerEpisode > 0 && episodeFrameNumber >= maxFramesPerEpisode;
}

// An action of one player (0..17) the game takes; anything else (RESET included) plays as NOOP, as in ALE.
function isLegal(action: i32): bool {
  return action >= 0 && action < ACTION_COUNT && ((theGame().legalActions >> <u32>action) & 1) != 0;
}

function oneStep(actionA: i32, actionB: i32, strengthA: f32): i32 {
  if (isTerminal(true)) return 0;
  const a = isLegal(actionA) ? actionA : NOOP;
  const b = isLegal(actionB - PLAYER_B_NOOP) ? actionB : PLAYER_B_NOOP;
  emulate(a, b, 1, strengthA, 1);
  frameNumber++;
  episodeFrameNumber++;
  return theGame().reward;
}

export function act(action: i32, paddleStrength: f32): i32 {
  let total = 0;
  for (let i = 0; i < frameSkip; i++) {
    // Sticky actions: with probability p the previous action repeats.
    if (environmentRandom.nextDouble() >= repeatProbability) lastActionA = action;
    if (environmentRandom.nextDouble() >= repeatProbability) lastActionB = PLAYER_B_NOOP;
    environmentDraws += 2;
    total += oneStep(lastActionA, lastActionB, paddleStrength);
  }
  return total;
}

function contains(list: StaticArray<i32>, value: i32): bool {
  for (let i = 0; i < list.length; i++) if (list[i] == value) return true;
  return false;
}

/** Selects the mode the next reset plays; false if the game has no such mode. */
export function setMode(value: i32): bool {
  if (!contains(theGame().modes, value)) return false;
  mode = value;
  return true;
}

export function setDifficultyLevel(value: i32): bool {
  if (!contains(theGame().difficulties, value)) return false;
  difficulty = value;
  return true;
}

export function frames(): i32 { return frameNumber; }
export function episodeFrames(): i32 { return episodeFrameNumber; }

// One scratch block for save and load: the wasm runtime never frees, so a per-call array would leak on every cloneState.
const envFields = new StaticArray<i32>(13);

export function saveEnvironment(out: usize): usize {
  const g = theGame();
  envFields[0] = leftPaddle;
  envFields[1] = rightPaddle;
  envFields[2] = frameNumber;
  envFields[3] = episodeFrameNumber;
  envFields[4] = mode;
  envFields[5] = difficulty;
  envFields[6] = lastActionA;
  envFields[7] = lastActionB;
  envFields[8] = g.reward;
  envFields[9] = g.score;
  envFields[10] = g.terminal ? 1 : 0;
  envFields[11] = g.livesLeft;
  envFields[12] = g.extraState();
  for (let i = 0; i < 13; i++) store<i32>(out + (<usize>i << 2), envFields[i]);
  return out + <usize>ENVIRONMENT_STATE_BYTES;
}

export const ENVIRONMENT_STATE_BYTES: i32 = 13 * 4;

export function loadEnvironment(from: usize): usize {
  const g = theGame();
  const v = envFields;
  for (let i = 0; i < 13; i++) v[i] = load<i32>(from + (<usize>i << 2));
  leftPaddle = v[0]; rightPaddle = v[1]; frameNumber = v[2]; episodeFrameNumber = v[3];
  mode = v[4]; difficulty = v[5]; lastActionA = v[6]; lastActionB = v[7];
  g.reward = v[8]; g.score = v[9]; g.terminal = v[10] != 0; g.livesLeft = v[11]; g.setExtraState(v[12]);
  return from + <usize>ENVIRONMENT_STATE_BYTES;
}
