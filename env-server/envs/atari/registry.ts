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
import { WorkerPool } from '../../vector/pool.js';
import type { VectorBackend } from '../../vector/backend.js';
import { InvalidOption } from '../env.js';
import { invalid } from '../classic/options.js';

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
  const stray = VECTOR_ONLY.filter((k) => kwargs[k] !== undefined);
  if (stray.length) throw new InvalidOption(`${info.id}: ${stray.map((k) => `'${k}'`).join(', ')} only apply to vector sessions (makeVec)`);
  const opts = parseAtariOptions(info, kwargs, a.defaults);
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
      ...atariKwargs(a.defaults),
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

export function atariEnvs(roms: RomStore): Registration[] {
  return atariIds().map((a) => {
    const info = atariInfo(a);
    return {
      info,
      factory: (kwargs: Kwargs) => makeAtari(a, info, kwargs, roms),
      // Described without a ROM, so ListEnvs works on a server that has none installed.
      describe: () => ({ observationSpace: observationSpace(a.defaults.obsType, a.game.screenHeight), actionSpace: new Discrete(a.game.minimalActions) }),
      vector: (kwargs: Kwargs, numEnvs: number, maxEpisodeSteps: number) => makeAtariVector(a, info, kwargs, roms, numEnvs, maxEpisodeSteps),
    };
  });
}
