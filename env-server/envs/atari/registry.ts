// The Atari ids (ids.ts) as registrations: each id fixes frameskip, sticky-action probability and observation type;
// make() kwargs override them and add the server-side preprocessing.

import type { Registration } from '../../registry.js';
import { type Box, Discrete } from '../../../proto/spaces.js';
import type { EnvInfo } from '../env.js';
import type { Kwargs } from '../classic/options.js';
import type { RomStore } from '../../roms/rom-store.js';
import { type AtariId, atariIds } from './ids.js';
import { AtariEnv, observationSpace } from './atari-env.js';
import { type ObsType, atariKwargs, parseAtariOptions, parsePreprocessOptions } from './options.js';
import type { AtariGame } from './games.js';
import { AtariPreprocessing } from './preprocessing.js';

/** Builds the env of an id from make's kwargs: the emulator env, wrapped in the preprocessing when asked. */
export function makeAtari(a: AtariId, info: EnvInfo, kwargs: Kwargs, roms: Pick<RomStore, 'load'>): AtariEnv | AtariPreprocessing {
  const opts = parseAtariOptions(info, kwargs, a.defaults, a.game);
  const pre = parsePreprocessOptions(info, kwargs, opts);
  const rom = roms.load(a.game);
  if (!pre) return new AtariEnv(a.game, rom, info.id, opts);
  return new AtariPreprocessing(new AtariEnv(a.game, rom, info.id, { ...opts, frameskip: 1 }), pre);
}

export function atariInfo(a: AtariId): EnvInfo {
  return {
    id: a.id,
    renderFps: 30,
    kwargs: atariKwargs(a.defaults, a.game),
  };
}

// One Box per (observation type, rows) for every id described: an RGB Box holds 2 x 100,800 float64 bounds, so a
// Box per id would cost over a gigabyte with ALE's ~1,400 ids.
const describedSpaces = new Map<string, Box>();

function describedObservationSpace(obsType: ObsType, rows: number): Box {
  const key = `${obsType} ${rows}`;
  let space = describedSpaces.get(key);
  if (!space) describedSpaces.set(key, (space = observationSpace(obsType, rows)));
  return space;
}

export function atariEnvs(roms: RomStore, games?: readonly AtariGame[]): Registration[] {
  return atariIds(games).map((a) => {
    const info = atariInfo(a);
    return {
      info,
      factory: (kwargs: Kwargs) => makeAtari(a, info, kwargs, roms),
      // Described without a ROM, so ListEnvs works on a server that has none installed.
      describe: () => ({ observationSpace: describedObservationSpace(a.defaults.obsType, a.game.screenHeight), actionSpace: new Discrete(a.game.minimalActions.length) }),
      parallel: true,
    };
  });
}
