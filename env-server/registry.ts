// The table of environment ids the server can make. Each id has static info (limits, options) and a factory;
// `make` validates the options, builds the env and wraps it in its time limit.

import type { Env, EnvFactory, EnvInfo } from './envs/env.js';
import { InvalidOption } from './envs/env.js';
import { TimeLimit } from './wrappers/time-limit.js';
import { clip, invalidArgument, notFound, shortList } from './errors.js';
import type { Space } from '../proto/spaces.js';

export interface Registration {
  info: EnvInfo;
  factory: EnvFactory;
  /** The spaces with default options, for ids whose factory needs more than code (e.g. a ROM file). */
  describe?: () => { observationSpace: Space; actionSpace: Space };
  /** Steps cost enough that vector sessions of the id go to the worker pool by default (Atari). */
  parallel?: boolean;
}

/**
 * How another thread builds the same registry: `module` exports a function `export` that returns it when called
 * with `args`. Pool workers build their copies from it, so ids need no registry of their own for the pool.
 */
export interface RegistryRecipe {
  module: string;
  export: string;
  args: unknown[];
}

export interface EnvDescription {
  info: EnvInfo;
  observationSpace: Space;
  actionSpace: Space;
}

export class Registry {
  private readonly regs = new Map<string, Registration>();
  private readonly described = new Map<string, EnvDescription>();

  /** @param recipe how pool workers rebuild this registry; without one, every session steps in process. */
  constructor(readonly recipe: RegistryRecipe | null = null) {}

  register(...regs: Registration[]): this {
    for (const r of regs) this.regs.set(r.info.id, r);
    return this;
  }

  ids(): string[] {
    return [...this.regs.keys()].sort();
  }

  get(id: string): Registration {
    const r = this.regs.get(id);
    if (!r) throw notFound(`unknown environment id '${clip(id)}'; ${this.nearest(id)}`);
    return r;
  }

  /** The ids closest to an unknown one (edit distance, case-blind), so the message stays short for any catalogue. */
  private nearest(id: string): string {
    const all = this.ids();
    if (all.length === 0) return 'this server has no environments';
    const probe = id.slice(0, 64).toLowerCase();
    const scored = all.map((x) => ({ x, d: editDistance(probe, x.toLowerCase()) })).sort((a, b) => a.d - b.d || (a.x < b.x ? -1 : 1));
    const best = scored.slice(0, 5).map((s) => s.x);
    if (all.length <= best.length) return `available: ${best.join(', ')}`;
    return `nearest: ${best.join(', ')} (${all.length} ids in all; ListEnvs lists them)`;
  }

  /** The id's spaces with default options, from one throwaway instance (cached). */
  describe(id: string): EnvDescription {
    let d = this.described.get(id);
    if (!d) {
      const reg = this.get(id);
      if (reg.describe) {
        d = { info: reg.info, ...reg.describe() };
      } else {
        const env = reg.factory({});
        d = { info: reg.info, observationSpace: env.observationSpace, actionSpace: env.actionSpace };
        env.close?.();
      }
      this.described.set(id, d);
    }
    return d;
  }

  /** Builds one env; `maxEpisodeSteps` 0 means the id's default, and ids without a default get no limit. */
  make(id: string, kwargs: Record<string, unknown>, maxEpisodeSteps = 0): Env {
    const reg = this.checked(id, kwargs);
    const env = optionErrors(id, () => reg.factory(kwargs));
    const limit = maxEpisodeSteps || reg.info.maxEpisodeSteps || 0;
    return limit > 0 ? new TimeLimit(env, limit) : env;
  }

  private checked(id: string, kwargs: Record<string, unknown>): Registration {
    const reg = this.get(id);
    const unknown = Object.keys(kwargs).filter((k) => !(k in reg.info.kwargs));
    if (unknown.length) {
      const allowed = Object.keys(reg.info.kwargs);
      throw invalidArgument(`unknown option${unknown.length > 1 ? 's' : ''} ${shortList(unknown.map((k) => `'${clip(k)}'`), 5)} for ${id}; allowed: ${allowed.length ? shortList(allowed, 30) : 'none'}`);
    }
    return reg;
  }
}

/** Runs `fn`, answering an env's InvalidOption with INVALID_ARGUMENT that names the id once. */
export function optionErrors<T>(id: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InvalidOption) throw invalidArgument(e.message.startsWith(`${id}: `) ? e.message : `${id}: ${e.message}`);
    throw e;
  }
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
