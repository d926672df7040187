// The Atari ids, as ale-py registers them, for every game of the emulator's table: ALE/<Game>-v5 and the legacy
// <Game>[-ram][Deterministic|NoFrameskip]-v0/v4. Each id fixes frameskip, sticky-action probability and
// observation type; make() kwargs override them and add the server-side preprocessing.

import type { Registration } from '../../registry.js';
import { Discrete } from '../../../proto/spaces.js';
import type { EnvInfo } from '../env.js';
import type { Kwargs } from '../classic/options.js';
import type { RomStore } from '../../roms/rom-store.js';
import { ATARI_GAMES, type AtariGame } from './games.js';
import { AtariEnv, observationSpace } from './atari-env.js';
import { type FlavourDefaults, atariKwargs, parseAtariOptions, parsePreprocessOptions } from './options.js';
import { AtariPreprocessing } from './preprocessing.js';

export interface AtariId {
  id: string;
  game: AtariGame;
  defaults: FlavourDefaults;
}

export function atariIds(): AtariId[] {
  const ids: AtariId[] = [];
  for (const game of ATARI_GAMES) {
    ids.push({ id: `ALE/${game.name}-v5`, game, defaults: { frameskip: 4, repeatActionProbability: 0.25, obsType: 'rgb' } });
    for (const obsType of ['rgb', 'ram'] as const) {
      for (const [version, sticky] of [['v0', 0.25], ['v4', 0]] as const) {
        const name = obsType === 'ram' ? `${game.name}-ram` : game.name;
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
  }
  return ids;
}

/** Builds the env of an id from make's kwargs: the emulator env, wrapped in the preprocessing when asked. */
export function makeAtari(a: AtariId, info: EnvInfo, kwargs: Kwargs, roms: Pick<RomStore, 'load'>): AtariEnv | AtariPreprocessing {
  const opts = parseAtariOptions(info, kwargs, a.defaults);
  const pre = parsePreprocessOptions(info, kwargs, opts);
  const rom = roms.load(a.game);
  if (!pre) return new AtariEnv(a.game, rom, info.id, opts);
  return new AtariPreprocessing(new AtariEnv(a.game, rom, info.id, { ...opts, frameskip: 1 }), pre);
}

export function atariInfo(a: AtariId): EnvInfo {
  return {
    id: a.id,
    renderFps: 30,
    kwargs: atariKwargs(a.defaults),
  };
}

export function atariEnvs(roms: RomStore): Registration[] {
  return atariIds().map((a) => {
    const info = atariInfo(a);
    return {
      info,
      factory: (kwargs: Kwargs) => makeAtari(a, info, kwargs, roms),
      // Described without a ROM, so ListEnvs works on a server that has none installed.
      describe: () => ({ observationSpace: observationSpace(a.defaults.obsType, a.game.screenHeight), actionSpace: new Discrete(a.game.minimalActions) }),
      parallel: true,
    };
  });
}
