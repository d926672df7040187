// The Atari ids (ids.ts) as registrations: each id fixes frameskip, sticky-action probability and observation type;
// make() kwargs override them and add the server-side preprocessing.

import type { Registration } from '../../registry.js';
import { type Box, Discrete } from '../../../proto/spaces.js';
import type { EnvInfo } from '../env.js';
import type { Kwargs } from '../classic/options.js';
import type { RomStore } from '../../roms/rom-store.js';
import { type AtariId, atariIds } from './ids.js';

export { atariIds };
import { AtariEnv, observationSpace } from './atari-env.js';
import { type ObsType, atariKwargs, parseAtariOptions, parsePreprocessOptions } from './options.js';
import type { AtariGame } from './games.js';
import { AtariPreprocessing } from './preprocessing.js';
import { WorkerPool } from '../../vector/pool.js';
import type { VectorBackend } from '../../vector/backend.js';
import { InvalidOption } from '../env.js';
import { invalid } from '../classic/options.js';

/** Builds the env of an id from make's kwargs: the emulator env, wrapped in the preprocessing when asked. */
export function makeAtari(a: AtariId, info: EnvInfo, kwargs: Kwargs, roms: Pick<RomStore, 'load'>): AtariEnv | AtariPreprocessing {
  const stray = VECTOR_ONLY.filter((k) => kwargs[k] !== undefined);
  if (stray.length) throw new InvalidOption(`${info.id}: ${stray.map((k) => `'${k}'`).join(', ')} only apply to vector sessions (makeVec)`);
  const opts = parseAtariOptions(info, kwargs, a.defaults, a.game);
  const pre = parsePreprocessOptions(info, kwargs, opts);
  const rom = roms.load(a.game);
  if (!pre) return new AtariEnv(a.game, rom, info.id, opts);
  return new AtariPreprocessing(new AtariEnv(a.game, rom, info.id, { ...opts, frameskip: 1 }), pre);
}

const VECTOR_ONLY = ['num_workers', 'batch_size'];

export function atariInfo(a: AtariId): EnvInfo {
  return {
    id: a.id,
    renderFps: 30,
    kwargs: {
      ...atariKwargs(a.defaults, a.game),
      num_workers: { description: 'vector sessions: worker threads stepping the copies (default: one per core, at most one per copy)', default: null },
      batch_size: { description: 'vector sessions: copies per step result; fewer than num_envs returns the first to finish (asynchronous, with env_id in each info)', default: null },
    },
  };
}

/** A vector session of the id on a worker pool; options are checked on one copy built here first. */
function makeAtariVector(a: AtariId, info: EnvInfo, kwargs: Kwargs, roms: RomStore, numEnvs: number, maxEpisodeSteps: number): VectorBackend {
  const { num_workers: workers, batch_size: batch, ...envKwargs } = kwargs;
  const positive = (name: string, v: unknown, max: number) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw invalid(info, name, v, `an integer in [1, ${max}]`);
    return v;
  };
  const numWorkers = positive('num_workers', workers, 256);
  const batchSize = positive('batch_size', batch, numEnvs);
  const probe = makeAtari(a, info, envKwargs, roms);
  const infoKeys = Object.keys(probe.reset(0).info);
  const { width, height } = probe.render();
  return new WorkerPool({
    envId: a.id,
    kwargs: envKwargs,
    maxEpisodeSteps,
    rom: roms.load(a.game),
    numEnvs,
    numWorkers,
    batchSize,
    observationSpace: probe.observationSpace,
    actionSpace: probe.actionSpace,
    infoKeys,
    screen: { width, height },
  });
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
      vector: (kwargs: Kwargs, numEnvs: number, maxEpisodeSteps: number) => makeAtariVector(a, info, kwargs, roms, numEnvs, maxEpisodeSteps),
    };
  });
}
