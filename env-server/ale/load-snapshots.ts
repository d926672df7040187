// Snapshots of loads and first resets, shared by the emulator instances of one compiled ale.wasm. ALE's loadROM
// and the reset after it are deterministic for a ROM, mode, difficulty and rendering switch: the emulator's own
// generator (RAM fill, RIOT timer) is seeded with a fixed seed, and the environment's generator, the only thing
// the seed changes, is drawn only where a game's mode menu goes through act() (ALEInterface takes no snapshot then).
// So every copy after the first of a vector session starts from the first copy's state instead of emulating the
// ~130 power-on and reset frames again: the state (cloneState), both frame buffers and the completed-frame count.

export interface LoadSnapshot {
  /** cloneState's bytes. */
  readonly state: Uint8Array;
  /** The screen's rows of the current and the previous frame buffer. */
  readonly current: Uint8Array;
  readonly previous: Uint8Array;
  readonly completedFrames: number;
  /** The format the power-on found (a load snapshot only). */
  readonly pal: boolean;
}

const byModule = new WeakMap<WebAssembly.Module, Map<string, LoadSnapshot>>();

/** The snapshots of this module's instances (kept for the life of the module: a few KiB of state and two screens per ROM and flavour). */
export function snapshotsOf(module: WebAssembly.Module): Map<string, LoadSnapshot> {
  let map = byModule.get(module);
  if (!map) byModule.set(module, (map = new Map()));
  return map;
}
