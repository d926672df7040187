// Entry of machine-test.wasm: RIOT and cartridge internals driven directly,
// for test/ale/riot.test.ts and test/ale/carts.test.ts, and whole-console runs
// of our own test ROMs (test/ale/dasm-roms.test.ts), which ALE's game table
// would refuse. It also carries ale.wasm's interface with a loadGame that
// takes any ROM as a game with the cartridge properties of setGameProperties,
// so ALEInterface and AtariEnv can play test ROMs.
import { addCycles, zeroCycles, systemCycles, setSystemCycles } from './clock';
import { riotReset, riotRead, riotWrite } from './riot';
import { configureInput } from './input';
import { detectScheme, loadCartridge } from './carts/detect';
import { scheme } from './carts/cartridge';
import { cartReset, cartRead, cartWrite, saveCart, loadCart } from './carts/slot';
import { mapRead, mapWrite } from './memory-map';
import { MersenneTwister } from './mt19937';
import { powerOn, runFrame, DisplayFormat } from './system';
import { configureDisplay, currentFrame } from './tia';
import { passesSkipped } from './timer-wait';
import { Game } from './ale/game';
import { startGame } from './ale/environment';

export {
  allocate, configure, act, resetGame, gameOver, lives, minimalActionBits, legalActionBits, frameNumber, episodeFrameNumber,
  completedFrames, setRendering, screen, screenRows, pal, ramPointer, expandPairs, mapScreenPairs, mapScreen3,
} from './index';

/** Starts the RIOT timer as a reset would, with `draw` as the random value. */
export function riotPowerOn(draw: u32): void {
  configureInput(0, 0, false);
  zeroCycles();
  riotReset(draw);
}

/** Lets `cycles` CPU cycles pass. */
export function advance(cycles: u32): void {
  addCycles(cycles);
}

// An access on the cycle after the `advance`d ones, as an instruction's last
// cycle: the CPU books that cycle before the access, and these take it back
// afterwards, so that advance() alone sets the distance between accesses.
export function riotReadAt(address: u32): u32 {
  addCycles(1);
  const value = riotRead(address);
  setSystemCycles(systemCycles() - 1);
  return value;
}

export function riotWriteAt(address: u32, value: u32): void {
  addCycles(1);
  riotWrite(address, value);
  setSystemCycles(systemCycles() - 1);
}

/** Installs a ROM image; returns its scheme or -1. */
export function cartLoad(image: usize, size: u32): i32 {
  if (!loadCartridge(image, size, detectScheme(image, size))) return -1;
  cartReset();
  return scheme;
}

export function cartReadAt(address: u32): u32 {
  return cartRead(address);
}

export function cartWriteAt(address: u32, value: u32): void {
  cartWrite(address, value);
}

/** Reads through the whole memory map (RAM, RIOT, TIA, cart). */
export function busRead(address: u32): u32 {
  return mapRead(address);
}

export function busWrite(address: u32, value: u32): void {
  mapWrite(address, value);
}

/** The cart's part of the emulator state, written at `p`; returns its length. */
export function cartSave(p: usize): u32 {
  return <u32>(saveCart(p) - p);
}

export function cartRestore(p: usize): void {
  loadCart(p);
}

/** The n-th output (1-based) of an MT19937 seeded with `seed`. */
export function mersenneOutput(seed: u32, n: u32): u32 {
  const generator = new MersenneTwister();
  generator.seed(seed);
  let value: u32 = 0;
  for (let i: u32 = 0; i < n; i++) value = generator.next();
  return value;
}

/** Powers on the console with the cart of `cartLoad`, the screen starting at scanline `firstLine`. */
export function consolePowerOn(firstLine: i32): void {
  configureInput(0, 0, false);
  configureDisplay(firstLine, 210, false);
  powerOn(DisplayFormat.AutoDetect);
}

/** One ALE frame of the whole console. */
export function consoleFrame(): void {
  runFrame();
}

/** Timer-polling passes the frame loop has skipped since power-on. */
export function timerPassesSkipped(): u32 {
  return passesSkipped;
}

/** The palette-index screen, screenRows() x 160. */
export function screenPointer(): usize {
  return currentFrame();
}

/** A test ROM played as a game: no score, lives or end, every action minimal. */
class TestGame extends Game {
  step(): void {}
}

let properties = new TestGame();

/** The cartridge properties the next loadGame gives its ROM (Stella's defaults until set). */
export function setGameProperties(firstLine: i32, height: i32, format: DisplayFormat, cartType: i32): void {
  properties = new TestGame();
  properties.firstLine = firstLine;
  properties.height = height;
  properties.format = format;
  properties.cartType = cartType;
}

/** ale.wasm's loadGame, for any image: the MD5 is ignored. */
export function loadGame(md5Hex: usize, image: usize, size: u32): i32 {
  return startGame(properties, image, size);
}
