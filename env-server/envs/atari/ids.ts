// The Atari environment ids, generated from the emulator's game table with ale-py's registration rules (ale-py
// 0.7-0.10 registration.py, the versions that registered every flavour; docs/environments.md of ALE 0.12.1 lists
// them): for every game `ALE/<Name>-v5` and `ALE/<Name>-ram-v5` (frameskip 4, sticky 0.25), and the legacy
// `<Name>[-ram][|Deterministic|NoFrameskip]-v0|v4` (frameskip (2, 5) / 4 (3 for Space Invaders) / 1; sticky 0.25
// for v0, 0 for v4). full_action_space is false and max_num_frames_per_episode 108,000 for all. ale-py registered
// the legacy ids for its 62 original games only; here every game of the table has them, with the same rules.
// A game added to the emulator's table gets its 14 ids without any change here.

import { type AtariGame, atariGames } from './games.js';
import type { FlavourDefaults } from './options.js';

export interface AtariId {
  id: string;
  game: AtariGame;
  defaults: FlavourDefaults;
}

/** Ids per game: {rgb, ram} x (v5 + {v0, v4} x {plain, Deterministic, NoFrameskip}). */
export const IDS_PER_GAME = 14;

export function gameIds(game: AtariGame): AtariId[] {
  const ids: AtariId[] = [];
  for (const obsType of ['rgb', 'ram'] as const) {
    const name = obsType === 'ram' ? `${game.name}-ram` : game.name;
    ids.push({ id: `ALE/${name}-v5`, game, defaults: { frameskip: 4, repeatActionProbability: 0.25, obsType } });
    for (const [version, sticky] of [['v0', 0.25], ['v4', 0]] as const) {
      const flavours = [
        ['', [2, 5] as const],
        ['Deterministic', game.deterministicFrameskip],
        ['NoFrameskip', 1],
      ] as const;
      for (const [suffix, frameskip] of flavours) {
        ids.push({ id: `${name}${suffix}-${version}`, game, defaults: { frameskip, repeatActionProbability: sticky, obsType } });
      }
    }
  }
  return ids;
}

export function atariIds(games: readonly AtariGame[] = atariGames()): AtariId[] {
  return games.flatMap(gameIds);
}
