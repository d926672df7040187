// Which backend a new session gets. The service decides, not the envs: single sessions and cheap envs step in
// process; vector sessions go to the worker pool when the client asks for workers or asynchronous batches, or by
// default for ids whose steps are costly (Registration.parallel: Atari).

import { availableParallelism } from 'node:os';
import type { Registry } from '../registry.js';
import type { Env } from '../envs/env.js';
import { invalidArgument } from '../errors.js';
import type { SessionBackend } from './backend.js';
import { InProcessBackend } from './in-process.js';
import { WorkerPool, poolRefusal } from './pool.js';

/** Make options that choose the backend rather than configure the env; accepted for every id. */
export const SESSION_OPTIONS = {
  num_workers: { description: 'vector sessions: worker threads stepping the copies, 0 to step them in process (default for Atari: one per core, at most one per copy; other envs step in process)', default: null },
  batch_size: { description: 'vector sessions: copies per step result; fewer than num_envs returns the first to finish (asynchronous, with env_id in each info; uses the worker pool)', default: null },
};

export const MAX_WORKERS = 256;

export function makeBackend(registry: Registry, envId: string, allKwargs: Record<string, unknown>, numEnvs: number, maxEpisodeSteps: number): SessionBackend {
  const { num_workers: workers, batch_size: batch, ...kwargs } = allKwargs;
  const integer = (name: string, v: unknown, min: number, max: number) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalidArgument(`${envId}: option '${name}' must be an integer in [${min}, ${max}], got ${shortJson(v)}`);
    if (numEnvs === 1) throw invalidArgument(`${envId}: option '${name}' only applies to vector sessions (num_envs > 1)`);
    return v;
  };
  const numWorkers = integer('num_workers', workers, 0, MAX_WORKERS);
  const batchSize = integer('batch_size', batch, 1, numEnvs);
  if (numWorkers === 0 && batchSize !== undefined) throw invalidArgument(`${envId}: batch_size needs the worker pool; num_workers 0 steps the copies in process`);
  const asked = (numWorkers !== undefined && numWorkers > 0) || batchSize !== undefined;
  const reg = registry.get(envId);
  if (numEnvs > 1 && numWorkers !== 0 && (asked || reg.parallel)) {
    if (!registry.recipe) {
      if (asked) throw invalidArgument(`${envId}: this server cannot run worker pools (its registry has no recipe for workers); leave out num_workers and batch_size`);
    } else {
      const probe = registry.make(envId, kwargs, maxEpisodeSteps);
      const refusal = poolRefusal(probe);
      if (!refusal) {
        return new WorkerPool({ recipe: registry.recipe, envId, kwargs, maxEpisodeSteps, numEnvs, numWorkers: numWorkers ?? availableParallelism(), batchSize, probe });
      }
      probe.close?.();
      if (asked) throw invalidArgument(`${envId}: num_workers and batch_size need the worker pool, and ${refusal}`);
    }
  }
  const envs: Env[] = [];
  try {
    for (let i = 0; i < numEnvs; i++) envs.push(registry.make(envId, kwargs, maxEpisodeSteps));
  } catch (e) {
    for (const env of envs) env.close?.();
    throw e;
  }
  return new InProcessBackend(envs, numEnvs > 1);
}

function shortJson(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
