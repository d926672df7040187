// The table of environment ids the server can make. Each id has static info (limits, options) and a factory;
// `make` validates the options, builds the env and wraps it in its time limit.

import type { Env, EnvFactory, EnvInfo } from './envs/env.js';
import { InvalidOption } from './envs/env.js';
import { TimeLimit } from './wrappers/time-limit.js';
import { invalidArgument, notFound } from './errors.js';
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
    if (!r) throw notFound(`unknown environment id '${id}'; available: ${this.ids().join(', ')}`);
    return r;
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
      throw invalidArgument(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} for ${id}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`);
    }
    return reg;
  }
}

function optionErrors<T>(id: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof InvalidOption) throw invalidArgument(`${id}: ${e.message}`);
    throw e;
  }
}
