// ALEInterface: the Arcade Learning Environment's API over our WebAssembly
// Atari 2600 (ale.wasm). Works in Node and in browsers: give it the wasm
// bytes (or use ALEInterface.load() in Node, which finds the built file).
import { md5Hex } from './md5.js';
import { badRomSize } from './rom-image.js';
import { LEGAL_ACTION_COUNT, ROMS_WITHOUT_SETTINGS, withoutSettingsReason } from './catalogue.js';
import { NTSC_PALETTE, PAL_PALETTE } from './palette.js';
import { type LoadSnapshot, snapshotsOf } from './load-snapshots.js';

export const SCREEN_WIDTH = 160;
/** Rows the TIA's frame buffers hold: no game's screen is taller (its height is in getScreenDims). */
const MAX_SCREEN_HEIGHT = 300;
const RAM_BYTES = 128;
export { LEGAL_ACTION_COUNT };

export const ACTION_NAMES = [
  'NOOP', 'FIRE', 'UP', 'RIGHT', 'LEFT', 'DOWN', 'UPRIGHT', 'UPLEFT', 'DOWNRIGHT', 'DOWNLEFT',
  'UPFIRE', 'RIGHTFIRE', 'LEFTFIRE', 'DOWNFIRE', 'UPRIGHTFIRE', 'UPLEFTFIRE', 'DOWNRIGHTFIRE', 'DOWNLEFTFIRE',
] as const;

interface AleExports {
  memory: WebAssembly.Memory;
  allocate(size: number): number;
  configure(frameSkip: number, repeatActionProbability: number, maxFramesPerEpisode: number, seed: number): void;
  loadGame(md5: number, image: number, size: number): number;
  supportsMd5(md5: number): number;
  act(action: number, paddleStrength: number): number;
  resetGame(): void;
  gameOver(withTruncation: number): number;
  lives(): number;
  applyGameRules(): number;
  minimalActionBits(): number;
  legalActionBits(): number;
  modeCount(): number;
  modeAt(i: number): number;
  difficultyCount(): number;
  difficultyAt(i: number): number;
  setMode(mode: number): number;
  setDifficulty(difficulty: number): number;
  frameNumber(): number;
  episodeFrameNumber(): number;
  completedFrames(): number;
  screen(): number;
  screenRows(): number;
  pal(): number;
  ramPointer(): number;
  setRam(index: number, value: number): void;
  setCartRam(index: number, value: number): number;
  stateBufferPointer(): number;
  stateCapacity(): number;
  cloneState(): number;
  restoreState(): number;
  installGameForSnapshot?(md5: number, image: number, size: number, pal: number): number;
  environmentDrawn(): number;
  reseedEnvironment(): void;
  previousScreen(): number;
  setCompletedFrames(n: number): void;
  setRendering(on: number): void;
  expandPairs(table: number, pairs: number): void;
  mapScreenPairs(pairs: number, out: number): void;
  mapScreen3(table: number, out: number): void;
}

export interface ALEOptions {
  /** Frames each act() repeats the action for (ALE's frame_skip, default 1). */
  frameSkip?: number;
  /** Probability that a frame repeats the previous action instead (sticky actions, default 0). */
  repeatActionProbability?: number;
  /** Truncate episodes after this many frames (0 = never, the default). */
  maxNumFramesPerEpisode?: number;
  /** Seed of the sticky-action generator (ALE's random_seed, default 0). */
  randomSeed?: number;
}

/** The actions 0..17 whose bits are set. */
function actionsOf(bits: number): number[] {
  const actions: number[] = [];
  for (let a = 0; a < LEGAL_ACTION_COUNT; a++) if (bits & (1 << a)) actions.push(a);
  return actions;
}

function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

export class ALEInterface {
  private readonly wasm: AleExports;
  private loaded = false;
  private minimal: number[] = [];
  private legal: number[] = [];
  private readonly frameSkip: number;
  private readonly stickiness: number;
  private readonly maxFrames: number;
  // Palette tables and conversion output in wasm memory, allocated once (so views stay valid: memory never grows
  // after construction). Pages are resident only once written: the gray pair table (128 KiB) is filled on the first
  // grayscale screen, so an emulator whose screens are never converted to gray never holds it.
  private readonly grayTable: number;
  private readonly rgbTable: number;
  // The gray table expanded to pixel pairs (expandPairs) for the loaded palette, once pairsExpanded.
  private readonly grayPairs: number;
  private pairsExpanded = false;
  private readonly convertedScreen: number;
  // 32 bytes for an MD5 in hex, handed to the game table.
  private readonly md5Buffer: number;
  // The ROM image handed to loadGame, reused by the next load that fits (ALE reloads the ROM on every seeded reset).
  private image = 0;
  private imageCapacity = 0;
  private screenBytes = 0;
  // Snapshots shared with the other instances of the same module (load-snapshots.ts); null without a module or
  // for builds without installGameForSnapshot (the tests' machine-test.wasm).
  private readonly snapshots: Map<string, LoadSnapshot> | null;
  private rendering = true;
  // The key of the reset snapshot that resetGame may use: set by loadROM, cleared by anything that changes the state
  // other than setMode/setDifficulty/setRendering (which the key names); null when no snapshot applies.
  private afterLoad: string | null = null;
  private mode: number | null = null;
  private difficulty: number | null = null;

  private constructor(instance: WebAssembly.Instance, options: ALEOptions, module?: WebAssembly.Module) {
    this.wasm = instance.exports as unknown as AleExports;
    this.snapshots = module && this.wasm.installGameForSnapshot ? snapshotsOf(module) : null;
    this.frameSkip = options.frameSkip ?? 1;
    this.stickiness = options.repeatActionProbability ?? 0;
    this.maxFrames = options.maxNumFramesPerEpisode ?? 0;
    checkInteger('frameSkip', this.frameSkip, 1);
    checkInteger('maxNumFramesPerEpisode', this.maxFrames, 0);
    if (!(this.stickiness >= 0 && this.stickiness <= 1)) {
      throw new RangeError(`repeatActionProbability must be in [0, 1], got ${this.stickiness}`);
    }
    this.setRandomSeed(options.randomSeed ?? 0);
    this.grayTable = this.wasm.allocate(256);
    this.rgbTable = this.wasm.allocate(256 * 3 + 1);
    this.grayPairs = this.wasm.allocate(0x10000 * 2);
    this.convertedScreen = this.wasm.allocate(SCREEN_WIDTH * MAX_SCREEN_HEIGHT * 3 + 1);
    this.md5Buffer = this.wasm.allocate(32);
  }

  /**
   * ALE's random_seed (the sticky-action generator's seed): like ALE's setInt("random_seed"), it takes effect at the
   * next loadROM, which seeds a new environment from it (ale-py's reset(seed) does exactly that).
   */
  setRandomSeed(seed: number): void {
    checkInteger('randomSeed', seed, 0);
    this.wasm.configure(this.frameSkip, this.stickiness, this.maxFrames, seed >>> 0);
  }

  /** Instantiates the emulator from the bytes (or compiled module) of ale.wasm. */
  static async create(wasm: BufferSource | WebAssembly.Module, options: ALEOptions = {}): Promise<ALEInterface> {
    const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm);
    const instance = await WebAssembly.instantiate(module, {});
    return new ALEInterface(instance, options, module);
  }

  /** Synchronous variant for an already compiled module. */
  static fromModule(module: WebAssembly.Module, options: ALEOptions = {}): ALEInterface {
    return new ALEInterface(new WebAssembly.Instance(module, {}), options, module);
  }

  /** Over an instance the caller set up (ale.wasm, or a build with its interface such as the tests' machine-test.wasm). */
  static fromInstance(instance: WebAssembly.Instance, options: ALEOptions = {}): ALEInterface {
    return new ALEInterface(instance, options);
  }

  /** Whether this emulator has settings for the ROM image whose MD5 (lowercase hex) is `md5`. */
  supportsRom(md5: string): boolean {
    if (!/^[0-9a-f]{32}$/.test(md5)) return false;
    return this.wasm.supportsMd5(this.md5Scratch(md5)) !== 0;
  }

  private md5Scratch(md5: string): number {
    const memory = new Uint8Array(this.wasm.memory.buffer);
    for (let i = 0; i < 32; i++) memory[this.md5Buffer + i] = md5.charCodeAt(i);
    return this.md5Buffer;
  }

  /**
   * Loads a ROM image. Only the ROM dumps ALE supports are accepted (they are
   * identified by MD5); like ALE this powers the console on and resets the game.
   */
  loadROM(rom: Uint8Array): void {
    if (!(rom instanceof Uint8Array)) throw new TypeError('loadROM expects the ROM image as a Uint8Array');
    const badSize = badRomSize(rom.length);
    if (badSize) throw new RangeError(`ROM image: ${badSize}`);
    const md5 = md5Hex(rom);
    const md5Ptr = this.md5Scratch(md5);
    if (rom.length > this.imageCapacity) {
      this.image = this.wasm.allocate(rom.length);
      this.imageCapacity = rom.length;
    }
    new Uint8Array(this.wasm.memory.buffer).set(rom, this.image);
    this.afterLoad = null;
    const loadKey = `load ${md5} ${this.rendering}`;
    const snapshot = this.snapshots?.get(loadKey);
    const status = snapshot
      ? this.wasm.installGameForSnapshot!(md5Ptr, this.image, rom.length, snapshot.pal ? 1 : 0)
      : this.wasm.loadGame(md5Ptr, this.image, rom.length);
    if (status === 1) {
      const known = ROMS_WITHOUT_SETTINGS.find((r) => r.md5 === md5);
      throw new Error(`unsupported ROM: ${known ? withoutSettingsReason(known) : `MD5 ${md5} is not one of the games ALE supports`}`);
    }
    if (status === 2) {
      throw new Error(`unsupported ROM: MD5 ${md5} (${rom.length} bytes) is not a cartridge image ALE recognises`);
    }
    if (status === 3) {
      throw new Error(
        `unsupported ROM: MD5 ${md5} (${rom.length} bytes) is a Supercharger (AR) image, which this emulator does not ` +
          'emulate (every other scheme ALE auto-detects is)',
      );
    }
    if (snapshot) this.restoreSnapshot(snapshot);
    else this.saveSnapshot(loadKey, this.wasm.pal() !== 0);
    this.mode = null;
    this.difficulty = null;
    if (this.snapshots && !this.wasm.environmentDrawn()) this.afterLoad = `reset ${md5} ${this.rendering}`;
    // Like ALE: the screen's height is the game's Display.Height (250 for a PAL cart left at the default 210), and
    // its palette follows the format found at power-on.
    this.screenBytes = SCREEN_WIDTH * this.wasm.screenRows();
    const palette = this.wasm.pal() ? PAL_PALETTE : NTSC_PALETTE;
    const tables = new Uint8Array(this.wasm.memory.buffer);
    tables.set(palette.gray, this.grayTable);
    tables.set(palette.rgb, this.rgbTable);
    this.pairsExpanded = false;
    this.minimal = actionsOf(this.wasm.minimalActionBits());
    this.legal = actionsOf(this.wasm.legalActionBits());
    this.loaded = true;
  }

  private requireRom(): void {
    if (!this.loaded) throw new Error('no ROM loaded: call loadROM first');
  }

  /** Plays one step (frameSkip frames) and returns the reward. */
  act(action: number, paddleStrength = 1): number {
    this.requireRom();
    if (!Number.isInteger(action) || action < 0 || action >= LEGAL_ACTION_COUNT) {
      throw new RangeError(`action must be an integer in 0..${LEGAL_ACTION_COUNT - 1} (ALE's player A actions), got ${action}`);
    }
    this.afterLoad = null;
    return this.wasm.act(action, paddleStrength);
  }

  resetGame(): void {
    this.requireRom();
    const key = this.afterLoad && `${this.afterLoad} ${this.mode} ${this.difficulty} ${this.rendering}`;
    this.afterLoad = null;
    const snapshot = key ? this.snapshots!.get(key) : undefined;
    if (snapshot) {
      this.restoreSnapshot(snapshot);
    } else {
      this.wasm.resetGame();
      if (key) this.saveSnapshot(key, false);
    }
  }

  // After a full load or first reset that drew nothing from the environment's generator: keep its outcome for the
  // next instance of this module that does the same.
  private saveSnapshot(key: string, pal: boolean): void {
    if (!this.snapshots || this.wasm.environmentDrawn()) return;
    // The rows below the screen are never drawn nor read: only the screen's rows are kept.
    const frame = SCREEN_WIDTH * this.wasm.screenRows();
    const bytes = new Uint8Array(this.wasm.memory.buffer);
    this.snapshots.set(key, {
      state: bytes.slice(this.wasm.stateBufferPointer(), this.wasm.stateBufferPointer() + this.wasm.cloneState()),
      current: bytes.slice(this.wasm.screen(), this.wasm.screen() + frame),
      previous: bytes.slice(this.wasm.previousScreen(), this.wasm.previousScreen() + frame),
      completedFrames: this.wasm.completedFrames() >>> 0,
      pal,
    });
  }

  private restoreSnapshot(s: LoadSnapshot): void {
    const bytes = new Uint8Array(this.wasm.memory.buffer);
    bytes.set(s.state, this.wasm.stateBufferPointer());
    this.wasm.restoreState();
    bytes.set(s.current, this.wasm.screen());
    bytes.set(s.previous, this.wasm.previousScreen());
    this.wasm.setCompletedFrames(s.completedFrames);
    this.wasm.reseedEnvironment();
  }

  gameOver(withTruncation = true): boolean {
    this.requireRom();
    return this.wasm.gameOver(withTruncation ? 1 : 0) !== 0;
  }

  lives(): number {
    this.requireRom();
    return this.wasm.lives();
  }

  /**
   * Applies the game's reward, terminal and lives rules to the RAM as it is now (set it with setRAM) without
   * emulating a frame, and returns the reward; gameOver() and lives() then tell the rest. For tests of a game's
   * rules on synthetic RAM.
   */
  applyGameRules(): number {
    this.requireRom();
    return this.wasm.applyGameRules();
  }

  /**
   * Whether the frames emulated from now on are drawn (default true). Off, the
   * emulator skips the picture but still computes everything the game can read
   * (collisions included), so rewards, lives, RAM and terminal stay exact; the
   * screen getters then return the last frame drawn into that buffer, so switch
   * it back on for the frames whose screens are read.
   */
  setRendering(on: boolean): void {
    this.rendering = on;
    this.wasm.setRendering(on ? 1 : 0);
  }

  /** [height, width] of the loaded game's screen, as in ALE: 210 x 160 for most, 250 x 160 for PAL carts. */
  getScreenDims(): [number, number] {
    this.requireRom();
    return [this.screenBytes / SCREEN_WIDTH, SCREEN_WIDTH];
  }

  /** Palette indices, row-major (getScreenDims); a view into emulator memory, valid until the next act/reset. */
  getScreen(): Uint8Array {
    this.requireRom();
    return new Uint8Array(this.wasm.memory.buffer, this.wasm.screen(), this.screenBytes);
  }

  /** The screen as RGB triples, row-major (height x 160 x 3), into `out` or a new array. */
  getScreenRGB(out: Uint8Array = new Uint8Array(this.screenBytes * 3)): Uint8Array {
    this.requireRom();
    if (out.length !== this.screenBytes * 3) throw new RangeError(`RGB output must hold ${this.screenBytes * 3} bytes`);
    this.wasm.mapScreen3(this.rgbTable, this.convertedScreen);
    out.set(new Uint8Array(this.wasm.memory.buffer, this.convertedScreen, this.screenBytes * 3));
    return out;
  }

  /** The screen's luminance (height x 160), into `out` or a new array. */
  getScreenGrayscale(out: Uint8Array = new Uint8Array(this.screenBytes)): Uint8Array {
    this.requireRom();
    if (out.length !== this.screenBytes) throw new RangeError(`grayscale output must hold ${this.screenBytes} bytes`);
    if (!this.pairsExpanded) {
      this.wasm.expandPairs(this.grayTable, this.grayPairs);
      this.pairsExpanded = true;
    }
    this.wasm.mapScreenPairs(this.grayPairs, this.convertedScreen);
    out.set(new Uint8Array(this.wasm.memory.buffer, this.convertedScreen, this.screenBytes));
    return out;
  }

  /** The console's 128 bytes of RAM ($80-$FF); a live view. */
  getRAM(): Uint8Array {
    this.requireRom();
    return new Uint8Array(this.wasm.memory.buffer, this.wasm.ramPointer(), RAM_BYTES);
  }

  setRAM(index: number, value: number): void {
    this.requireRom();
    checkInteger('RAM index', index, 0);
    if (index >= RAM_BYTES) throw new RangeError(`RAM index must be in 0..127, got ${index}`);
    if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`RAM value must be a byte, got ${value}`);
    this.afterLoad = null;
    this.wasm.setRam(index, value);
  }

  /**
   * Writes byte `index` of the cartridge's own RAM (a Superchip's 128 bytes, say), which some games keep their score
   * in; for tests of those games' rules.
   */
  setCartRAM(index: number, value: number): void {
    this.requireRom();
    checkInteger('cartridge RAM index', index, 0);
    if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`RAM value must be a byte, got ${value}`);
    if (!this.wasm.setCartRam(index, value)) throw new RangeError(`cartridge RAM index ${index} is beyond this cartridge's RAM`);
  }

  /** The whole emulator and episode state as bytes (ALE's cloneState). */
  cloneState(): Uint8Array {
    this.requireRom();
    const length = this.wasm.cloneState();
    return new Uint8Array(this.wasm.memory.buffer, this.wasm.stateBufferPointer(), length).slice();
  }

  restoreState(state: Uint8Array): void {
    this.requireRom();
    if (!(state instanceof Uint8Array) || state.length === 0 || state.length > this.wasm.stateCapacity()) {
      throw new TypeError('restoreState expects a state returned by cloneState');
    }
    new Uint8Array(this.wasm.memory.buffer, this.wasm.stateBufferPointer(), state.length).set(state);
    this.afterLoad = null;
    if (!this.wasm.restoreState()) throw new Error('restoreState: not a state returned by cloneState');
  }

  getMinimalActionSet(): number[] {
    this.requireRom();
    return [...this.minimal];
  }

  /** The actions the game takes (all 18 for most; Skiing has no FIRE): ale-py's full action space. */
  getLegalActionSet(): number[] {
    this.requireRom();
    return [...this.legal];
  }

  getAvailableModes(): number[] {
    this.requireRom();
    return Array.from({ length: this.wasm.modeCount() }, (_, i) => this.wasm.modeAt(i));
  }

  /** Selects a game mode; it takes effect at the next resetGame (as in ALE). */
  setMode(mode: number): void {
    this.requireRom();
    if (!this.wasm.setMode(mode)) {
      throw new RangeError(`mode ${mode} is not available; available modes: ${this.getAvailableModes().join(', ')}`);
    }
    this.mode = mode;
  }

  getAvailableDifficulties(): number[] {
    this.requireRom();
    return Array.from({ length: this.wasm.difficultyCount() }, (_, i) => this.wasm.difficultyAt(i));
  }

  /** Sets the difficulty switches (bit 0 left, bit 1 right: 1 = A); applies from the next frame. */
  setDifficulty(difficulty: number): void {
    this.requireRom();
    if (!this.wasm.setDifficulty(difficulty)) {
      throw new RangeError(`difficulty ${difficulty} is not available; available: ${this.getAvailableDifficulties().join(', ')}`);
    }
    this.difficulty = difficulty;
  }

  getFrameNumber(): number {
    return this.wasm.frameNumber();
  }

  getEpisodeFrameNumber(): number {
    return this.wasm.episodeFrameNumber();
  }

  /** Frames the TIA has completed since power-on (resets and partial frames excluded). */
  getCompletedFrames(): number {
    return this.wasm.completedFrames() >>> 0;
  }
}
