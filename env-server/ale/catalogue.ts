// What ale.wasm's game table says about each game, read once from one instance without any ROM: everything above
// the emulator (ROM identification, environment ids, their spaces and options) derives its game facts from here, so
// a game is described only in its own file under assembly/ale/games/. Plain TypeScript over the wasm exports: loads
// in a browser as well as in Node.

/** Player A actions are 0..17 (NOOP .. DOWNLEFTFIRE). */
export const LEGAL_ACTION_COUNT = 18;

export interface GameFacts {
  /** ale-py's ROM id, also the ROM file's base name: `space_invaders` → `space_invaders.bin`. */
  readonly rom: string;
  /** MD5 (lowercase hex) of the one ROM image ALE accepts for the game. */
  readonly md5: string;
  /** ALE's minimal action set, in enum order. */
  readonly minimalActions: readonly number[];
  /** ALE's available modes; the first is the default (RomSettings::getDefaultMode). */
  readonly modes: readonly number[];
  readonly defaultMode: number;
  /** ALE's available difficulties; the default is 0, as ALE's environment starts every game. */
  readonly difficulties: readonly number[];
  readonly defaultDifficulty: number;
  /** Rows of the screen once loaded: Display.Height, or 250 for a cart its properties call PAL left at 210. */
  readonly screenHeight: number;
}

/** ROMs whose MD5 ALE lists (ale-py ships them) but that have no settings in ALE: ALE refuses to load them. */
export interface RomWithoutSettings {
  readonly rom: string;
  readonly md5: string;
}

// ale-py's md5.json lists these four, its registration skips them ("no single-player ROM attached"), and ALE has
// no RomSettings for them, so loadROM fails on them.
export const ROMS_WITHOUT_SETTINGS: readonly RomWithoutSettings[] = [
  { rom: 'combat', md5: '0ef64cdbecccb7049752a3de0b7ade14' },
  { rom: 'joust', md5: '3276c777cbe97cdd2b4a63ffc16b7151' },
  { rom: 'maze_craze', md5: 'ed2218b3075d15eaa34e3356025ccca3' },
  { rom: 'warlords', md5: 'cbe5a166550a8129a5e6d374901dffad' },
];

/** Why ALE refuses a ROM it knows without settings (the reason `make` and `roms import` give). */
export function withoutSettingsReason(r: RomWithoutSettings): string {
  return `${r.rom} (MD5 ${r.md5}) is a ROM ALE knows but has no game settings for: it has no single-player mode, so ALE cannot load it and ale-py registers no environment for it`;
}

interface CatalogueExports {
  memory: WebAssembly.Memory;
  allocate(size: number): number;
  gameCount(): number;
  gameText(index: number, field: number, out: number): number;
  gameMinimalActionBits(index: number): number;
  gameModeCount(index: number): number;
  gameModeAt(index: number, i: number): number;
  gameDifficultyCount(index: number): number;
  gameDifficultyAt(index: number, i: number): number;
  gameScreenRows(index: number): number;
}

const TEXT_ROM = 0;
const TEXT_MD5 = 1;

/** The game table of an ale.wasm instance (one that no ROM needs to be loaded in). */
export function readGameTable(instance: WebAssembly.Instance): GameFacts[] {
  const wasm = instance.exports as unknown as CatalogueExports;
  if (typeof wasm.gameCount !== 'function') throw new TypeError('this wasm module has no game table (it is not ale.wasm)');
  const scratch = wasm.allocate(64);
  const text = (index: number, field: number): string => {
    const length = wasm.gameText(index, field, scratch);
    return String.fromCharCode(...new Uint8Array(wasm.memory.buffer, scratch, length));
  };
  const list = (count: number, at: (i: number) => number): number[] => Array.from({ length: count }, (_, i) => at(i));
  const games: GameFacts[] = [];
  for (let g = 0; g < wasm.gameCount(); g++) {
    const bits = wasm.gameMinimalActionBits(g);
    const modes = list(wasm.gameModeCount(g), (i) => wasm.gameModeAt(g, i));
    games.push({
      rom: text(g, TEXT_ROM),
      md5: text(g, TEXT_MD5),
      minimalActions: list(LEGAL_ACTION_COUNT, (a) => a).filter((a) => bits & (1 << a)),
      modes,
      defaultMode: modes[0],
      difficulties: list(wasm.gameDifficultyCount(g), (i) => wasm.gameDifficultyAt(g, i)),
      defaultDifficulty: 0,
      screenHeight: wasm.gameScreenRows(g),
    });
  }
  return games;
}

/** The games with lookups by ROM id and MD5, and the ROMs ALE knows without settings. */
export class GameCatalogue {
  private readonly byMd5: Map<string, GameFacts>;
  private readonly byRom: Map<string, GameFacts>;
  private readonly unsupported = new Map(ROMS_WITHOUT_SETTINGS.map((r) => [r.md5, r]));

  constructor(readonly games: readonly GameFacts[]) {
    this.byMd5 = new Map(games.map((g) => [g.md5, g]));
    this.byRom = new Map(games.map((g) => [g.rom, g]));
  }

  static fromInstance(instance: WebAssembly.Instance): GameCatalogue {
    return new GameCatalogue(readGameTable(instance));
  }

  gameByMd5(md5: string): GameFacts | undefined {
    return this.byMd5.get(md5);
  }

  gameByRom(rom: string): GameFacts | undefined {
    return this.byRom.get(rom);
  }

  /** The ROM with this MD5 that ALE knows but cannot load, if it is one. */
  withoutSettings(md5: string): RomWithoutSettings | undefined {
    return this.unsupported.get(md5);
  }
}
