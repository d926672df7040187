// The games of the emulator's table as the server sees them: the facts read from ale.wasm (env-server/ale/
// catalogue.ts; each game is described once, in its own file in ale/assembly/ale/games/) plus the two facts that
// belong to ale-py's registration rather than to ALE: the name in environment ids and the Deterministic frame skip.

import { type GameFacts, GameCatalogue } from '../../ale/catalogue.js';
import { aleModule } from './ale-module.js';

export interface AtariGame extends GameFacts {
  /** The name in environment ids: `SpaceInvaders` (ale-py's rom_id_to_name). */
  readonly name: string;
  /** The frame skip of the `Deterministic` ids. */
  readonly deterministicFrameskip: number;
}

/** ale-py's rom_id_to_name, Python's str.title() without the underscores: `tic_tac_toe_3d` → `TicTacToe3D`. */
export function romIdToName(rom: string): string {
  return rom.replace(/[a-z]+/g, (w) => w[0].toUpperCase() + w.slice(1)).replace(/_/g, '');
}

// ale-py (0.7-0.10, the versions that registered Deterministic ids) uses 3 for Space Invaders, whose lasers blink
// every 4th frame, and 4 for every other game.
const DETERMINISTIC_FRAMESKIP: Readonly<Record<string, number>> = { space_invaders: 3 };

let catalogue: GameCatalogue | undefined;
let games: readonly AtariGame[] | undefined;
let byMd5: Map<string, AtariGame> | undefined;

/** The emulator's game table, read once per process from one instance of ale.wasm. */
export function gameCatalogue(): GameCatalogue {
  catalogue ??= GameCatalogue.fromInstance(new WebAssembly.Instance(aleModule(), {}));
  return catalogue;
}

export function atariGames(): readonly AtariGame[] {
  games ??= gameCatalogue().games.map((g) => ({ ...g, name: romIdToName(g.rom), deterministicFrameskip: DETERMINISTIC_FRAMESKIP[g.rom] ?? 4 }));
  return games;
}

export function gameByMd5(md5: string): AtariGame | undefined {
  byMd5 ??= new Map(atariGames().map((g) => [g.md5, g]));
  return byMd5.get(md5);
}
