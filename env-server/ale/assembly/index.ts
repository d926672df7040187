// Entry of ale.wasm: the interface the TypeScript ALEInterface drives.
import * as environment from './ale/environment';
import { gameIndexForMd5, games, createGame } from './ale/table';
import { DisplayFormat } from './system';
import {
  currentFrame, previousFrame, framesCompleted, setFramesCompleted, setRendering as tiaSetRendering, screenHeight, palFormat,
  configureFormat, tiaPowerOn,
} from './tia';
import { ram } from './riot';
import { pokeRam } from './memory-map';
import { cartRam, cartRamSize } from './carts/cartridge';
import { saveState, loadState, stateBuffer, STATE_CAPACITY } from './state';

/** Scratch memory the host fills with the ROM image and its MD5 before loadGame. */
export function allocate(size: u32): usize {
  return heap.alloc(<usize>size);
}

export function configure(frameSkip: i32, repeatActionProbability: f64, maxFramesPerEpisode: i32, seed: u32): void {
  environment.configure(frameSkip, repeatActionProbability, maxFramesPerEpisode, seed);
}

/**
 * 0 loaded; 1 no supported game has this MD5; 2 ALE's emulator would not
 * recognise the image either; 3 its bank switching is recognised but not emulated.
 */
export function loadGame(md5Hex: usize, image: usize, size: u32): i32 {
  const status = environment.loadGame(md5Hex, image, size);
  applyRendering();
  return status;
}

// ---- Snapshots of a load: a copy of a ROM already loaded in this process starts from the state its first copy
// reached instead of emulating the power-on and reset frames again (the host checks environmentDrawn first) ----

/**
 * loadGame without the power-on: the cart installed as loadGame would, with the format the power-on had found and
 * the TIA as after it; the host then restores the state (restoreState), both frame buffers and the completed-frame
 * count it saved after a loadGame of the same ROM. Same status codes as loadGame.
 */
export function installGameForSnapshot(md5Hex: usize, image: usize, size: u32, pal: bool): i32 {
  const index = gameIndexForMd5(md5Hex);
  if (index < 0) return 1;
  const status = environment.installGame(createGame(index), image, size);
  if (status != 0) return status;
  tiaPowerOn();
  configureFormat(pal);
  return 0;
}

/** Whether the environment's generator was drawn since the last load (then a snapshot would depend on the seed). */
export function environmentDrawn(): bool {
  return environment.environmentDrawn();
}

/** Seeds the environment's generator afresh, as a load does (after restoring a snapshot). */
export function reseedEnvironment(): void {
  environment.reseedEnvironment();
}

export function previousScreen(): usize {
  return previousFrame();
}

export function setCompletedFrames(n: u32): void {
  setFramesCompleted(n);
}

/** Whether the emulator has settings for the ROM with this MD5 (32 lowercase hex ASCII bytes at `md5Hex`). */
export function supportsMd5(md5Hex: usize): bool {
  return gameIndexForMd5(md5Hex) >= 0;
}

// ---- The game table, described without a ROM (the host reads it once per process) ----

export function gameCount(): i32 {
  return games().length;
}

/** Writes game `index`'s ale-py ROM id (field 0) or MD5 (field 1) as ASCII at `out`; returns its length. */
export function gameText(index: i32, field: i32, out: usize): i32 {
  const g = games()[index];
  const text = field == 0 ? g.rom : g.md5;
  for (let i = 0; i < text.length; i++) store<u8>(out + <usize>i, <u8>text.charCodeAt(i));
  return text.length;
}

export function gameMinimalActionBits(index: i32): u32 {
  return games()[index].minimalActions;
}

export function gameModeCount(index: i32): i32 {
  return games()[index].modes.length;
}

export function gameModeAt(index: i32, i: i32): i32 {
  return games()[index].modes[i];
}

export function gameDifficultyCount(index: i32): i32 {
  return games()[index].difficulties.length;
}

export function gameDifficultyAt(index: i32, i: i32): i32 {
  return games()[index].difficulties[i];
}

/**
 * The screen rows the game will have once loaded: its Display.Height, or 250 for a cart whose properties say PAL and
 * leave the height at 210 (a PAL cart left to the power-on probe is known only once loaded).
 */
export function gameScreenRows(index: i32): i32 {
  const g = games()[index];
  const pal = g.format == DisplayFormat.PAL || (g.format == DisplayFormat.AutoDetect && g.detectsAsPal);
  return pal && g.height == 210 ? 250 : g.height;
}

export function act(action: i32, paddleStrength: f32): i32 {
  return environment.act(action, paddleStrength);
}

export function resetGame(): void {
  environment.resetGame();
}

export function gameOver(withTruncation: bool): bool {
  return environment.isTerminal(withTruncation);
}

export function lives(): i32 {
  return changetype<environment.GameRef>(environment.game).lives();
}

/**
 * Applies the game's rules to the RAM as it is now, without emulating a frame, as ALE's RomSettings::step does after
 * each frame: tests set RAM bytes and check reward, terminal and lives against the game's settings. Returns the
 * reward.
 */
export function applyGameRules(): i32 {
  const g = changetype<environment.GameRef>(environment.game);
  g.step();
  return g.reward;
}

export function minimalActionBits(): u32 {
  return changetype<environment.GameRef>(environment.game).minimalActions;
}

export function legalActionBits(): u32 {
  return changetype<environment.GameRef>(environment.game).legalActions;
}

export function modeCount(): i32 {
  return changetype<environment.GameRef>(environment.game).modes.length;
}

export function modeAt(i: i32): i32 {
  return changetype<environment.GameRef>(environment.game).modes[i];
}

export function difficultyCount(): i32 {
  return changetype<environment.GameRef>(environment.game).difficulties.length;
}

export function difficultyAt(i: i32): i32 {
  return changetype<environment.GameRef>(environment.game).difficulties[i];
}

export function setMode(mode: i32): bool {
  return environment.setMode(mode);
}

export function setDifficulty(difficulty: i32): bool {
  return environment.setDifficultyLevel(difficulty);
}

export function frameNumber(): i32 {
  return environment.frames();
}

export function episodeFrameNumber(): i32 {
  return environment.episodeFrames();
}

/** Frames the TIA has finished since power-on (ALE's TIA frame counter). */
export function completedFrames(): u32 {
  return framesCompleted;
}

/**
 * Off: frames are emulated without drawing (rewards, RAM and collisions stay
 * exact); the screen then shows the last frame drawn in its buffer. Games
 * whose frames can span steps are always drawn.
 */
export function setRendering(on: bool): void {
  renderingWanted = on;
  applyRendering();
}

let renderingWanted = true;

function applyRendering(): void {
  const g = environment.game;
  tiaSetRendering(renderingWanted || (g != null && g.drawEveryFrame));
}

/** The palette-index screen, screenRows() x 160 (valid until the next emulated frame). */
export function screen(): usize {
  return currentFrame();
}

/** The game's Display.Height (210 unless set), or 250 for a PAL cart left at 210: ALE's screen height. */
export function screenRows(): i32 {
  return screenHeight();
}

/** The loaded cart is PAL: ALE then converts its screen with the PAL palette. */
export function pal(): bool {
  return palFormat();
}

export function ramPointer(): usize {
  return ram;
}

export function setRam(index: u32, value: u32): void {
  pokeRam(index, value);
}

/** Writes byte `index` of the cartridge's own RAM (a Superchip's, say); false where the cartridge has none. */
export function setCartRam(index: u32, value: u32): bool {
  if (index >= cartRamSize) return false;
  store<u8>(cartRam + <usize>index, <u8>value);
  return true;
}

export function stateBufferPointer(): usize {
  return stateBuffer;
}

export function stateCapacity(): i32 {
  return STATE_CAPACITY;
}

export function cloneState(): i32 {
  return saveState();
}

export function restoreState(): bool {
  return loadState();
}

/**
 * Expands a byte-per-palette-index table (e.g. the grayscale palette) into
 * the 64 K-entry, 128 KiB table mapScreenPairs reads: entry p holds the
 * bytes for two adjacent pixels p & 0xff and p >> 8, in screen order.
 */
export function expandPairs(table: usize, pairs: usize): void {
  for (let p: usize = 0; p < 0x10000; p++) {
    store<u16>(pairs + (p << 1), <u16>(<u32>load<u8>(table + (p & 0xff)) | (<u32>load<u8>(table + (p >> 8)) << 8)));
  }
}

/**
 * Writes table[pixel] for each screen pixel to `out`, from the pair table of
 * expandPairs: one lookup per two pixels halves the work per pixel, and the
 * pairs a screen uses are few, so the lookups stay in cache.
 */
export function mapScreenPairs(pairs: usize, out: usize): void {
  const screen = currentFrame();
  const pixels = <usize>screenHeight() * 160;
  for (let i: usize = 0; i < pixels; i += 8) {
    const eight = load<u64>(screen + i);
    const mapped = <u64>load<u16>(pairs + (<usize>(eight & 0xffff) << 1)) |
      (<u64>load<u16>(pairs + (<usize>((eight >> 16) & 0xffff) << 1)) << 16) |
      (<u64>load<u16>(pairs + (<usize>((eight >> 32) & 0xffff) << 1)) << 32) |
      (<u64>load<u16>(pairs + (<usize>(eight >> 48) << 1)) << 48);
    store<u64>(out + i, mapped);
  }
}

/** Writes the three bytes table[3 * pixel ..] for each screen pixel to `out` (RGB). */
export function mapScreen3(table: usize, out: usize): void {
  const screen = currentFrame();
  const pixels = <usize>screenHeight() * 160;
  let o = out;
  for (let i: usize = 0; i < pixels; i++) {
    const entry = table + <usize>load<u8>(screen + i) * 3;
    store<u16>(o, load<u16>(entry));
    store<u8>(o, load<u8>(entry, 2), 2);
    o += 3;
  }
}
