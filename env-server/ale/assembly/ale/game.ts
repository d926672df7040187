// What ALE knows about one supported game: how to read its score, lives and
// end from RAM, its minimal action set, modes, difficulties and the
// actions that start a game. Every RAM read goes through peekRam so that it
// leaves its value on the data bus, exactly as ALE's readRam does.
import { peekRam } from '../memory-map';
import { JOYSTICK } from '../input';
import { DisplayFormat } from '../system';

/**
 * What a game's mode selection may do to the console, as ALE's settings do through their environment wrapper:
 * hold SELECT, press RESET, and act() like a player (sticky actions and frame skip included, so these acts draw
 * from the environment's random generator as ALE's do).
 */
export abstract class Console {
  /** Holds SELECT for `frames` frames, then one frame with nothing pressed (counted in the frame numbers). */
  abstract pressSelect(frames: i32): void;
  /** Holds RESET for 4 frames and forgets the last actions. */
  abstract softReset(): void;
  /** One player-A action as act() takes it; returns the reward. */
  abstract act(action: i32): i32;
  /** The next draw of the environment's random generator (the one sticky actions use). */
  abstract random(): u32;
}

/** ALE's paddle range: resistances a paddle moves between. */
export const PADDLE_MIN: i32 = 27450;
export const PADDLE_MAX: i32 = 790196;

export abstract class Game {
  /** ale-py's ROM id, also the ROM file's base name: `space_invaders`. */
  rom: string = '';
  /** MD5 of the one ROM image ALE accepts for this game (32 lowercase hex digits). */
  md5: string = '';
  reward: i32 = 0;
  score: i32 = 0;
  terminal: bool = false;
  livesLeft: i32 = 0;

  // Cartridge properties (ALE's Stella property database), Stella's defaults
  // unless the ROM's entry there sets them.
  leftController: u32 = JOYSTICK;
  rightController: u32 = JOYSTICK;
  swapPaddles: bool = false;
  /** ALE's paddle_max setting: PADDLE_MAX unless the game's settings widen the range (modifyEnvironmentSettings). */
  paddleMax: i32 = PADDLE_MAX;
  /** Console.SwapPorts: player A's controller sits in the right port. */
  swapPorts: bool = false;
  /** Display.YStart: the first scanline shown. */
  firstLine: i32 = 34;
  /** Display.Height: rows shown (at most 300, the frame buffers' size); a PAL cart left at 210 gets 250, as in ALE. */
  height: i32 = 210;
  /** Display.Format: anything but AutoDetect skips the power-on probe. */
  format: DisplayFormat = DisplayFormat.AutoDetect;
  /**
   * What ALE's power-on probe finds this cart to be when format is AutoDetect: PAL for the ten PAL games. The probe
   * still runs (its frames leave their mark on RAM); this records its answer so that the catalogue can size the
   * screen without a ROM (test/ale/catalogue.test.ts checks it against every ROM's probe).
   */
  detectsAsPal: bool = false;
  /** Cartridge.Type: a carts/cartridge.ts Scheme that replaces auto-detection, or -1 (AUTO-DETECT). */
  cartType: i32 = -1;
  hmoveBlanks: bool = true;

  /** Bit a set for each minimal action a (0..17). */
  minimalActions: u32 = 0x3ffff;
  /** Bit a set for each action a (0..17) the game takes (RomSettings::isLegal); the others play as NOOP. */
  legalActions: u32 = 0x3ffff;
  modes: StaticArray<i32> = [0];
  difficulties: StaticArray<i32> = [0];
  /** RAM address (0x80..0xFF) holding the selected mode, or -1 for single-mode games. */
  modeAddress: i32 = -1;
  /** Frames SELECT is held per press while stepping through modes. */
  selectFrames: i32 = 1;
  /**
   * A drawn screen can show rows of earlier frames that were not drawn, so drawing must never be skipped: the
   * program runs past ALE's instruction limit without VSYNC in play (a computer opponent thinking, so one TV frame
   * spans several ALE frames), or a frame cut short after too many scanlines leaves the next one short, its lower
   * rows still those of two frames back (Krull).
   */
  drawEveryFrame: bool = false;
  /** Actions (ALE enum values, RESET = 40 included) pressed one frame each after the last soft reset. */
  startingActions: StaticArray<i32> = [];

  /** The game's score is now `score`: the reward is its change since the last frame. */
  @inline
  scoreIs(score: i32): void {
    this.reward = score - this.score;
    this.score = score;
  }

  /** Reads the frame's outcome from RAM (ALE's RomSettings::step). */
  abstract step(): void;

  /** Clears the episode bookkeeping. */
  reset(): void {
    this.reward = 0;
    this.score = 0;
    this.terminal = false;
    this.livesLeft = this.initialLives();
  }

  initialLives(): i32 {
    return 0;
  }

  /** ALE's default lives(): 0 once the game is over, whatever the RAM counter says. */
  lives(): i32 {
    return this.terminal ? 0 : this.livesLeft;
  }

  /**
   * Brings the game to `mode` during a reset, as the game's setMode does in ALE. By default: hold SELECT until the
   * mode byte matches, then a soft reset; games whose menus work otherwise override this.
   */
  selectMode(mode: i32, console: Console): void {
    if (this.modeAddress < 0) return;
    while (!this.modeMatches(mode)) console.pressSelect(this.selectFrames);
    this.modeSelected(mode);
    console.softReset();
  }

  /** Called once the mode byte matches, before the soft reset that applies it. */
  modeSelected(mode: i32): void {}

  /** Whether the value(s) read from RAM show `mode` selected; reads like ALE's setMode does. */
  modeMatches(mode: i32): bool {
    return ram(this.modeAddress) == mode;
  }

  extraState(): i32 {
    return 0;
  }

  setExtraState(value: i32): void {}
}

@inline
export function ram(address: i32): i32 {
  return <i32>peekRam(<u32>address & 0x7f);
}

/** Two BCD digits of one byte. */
export function bcd(address: i32): i32 {
  const v = ram(address);
  return 10 * (v >> 4) + (v & 15);
}

/** Four BCD digits, lowest byte first (read in that order). */
export function bcd2(low: i32, high: i32): i32 {
  const score = bcd(low);
  return score + 100 * bcd(high);
}

/** Six BCD digits, lowest byte first (read in that order). */
export function bcd3(low: i32, middle: i32, high: i32): i32 {
  let score = bcd(low);
  score += 100 * bcd(middle);
  return score + 10000 * bcd(high);
}

/** `count` presses of `action`, for starting-action lists. */
export function repeat(action: i32, count: i32): StaticArray<i32> {
  const out = new StaticArray<i32>(count);
  for (let i = 0; i < count; i++) out[i] = action;
  return out;
}

export function actionBits(actions: StaticArray<i32>): u32 {
  let bits: u32 = 0;
  for (let i = 0; i < actions.length; i++) bits |= <u32>1 << actions[i];
  return bits;
}
