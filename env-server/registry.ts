// The table of environment ids the server can make. Each id has static info (limits, options) and a factory;
// `make` validates the options, builds the env and wraps it in its time limit.

import type { Env, EnvFactory, EnvInfo } from './envs/env.js';
import { InvalidOption } from './envs/env.js';
import { TimeLimit } from './wrappers/time-limit.js';
import { invalidArgument, notFound } from './errors.js';
import type { Space } from '../proto/spaces.js';
import type { VectorBackend, VectorFactory } from './vector/backend.js';

export interface Registration {
  info: EnvInfo;
  factory: EnvFactory;
  /** The spaces with default options, for ids whose factory needs more than code (e.g. a ROM file). */
  describe?: () => { observationSpace: Space; actionSpace: Space };
  /** Runs vector sessions of the id elsewhere (e.g. a worker pool) instead of stepping copies in the handler. */
  vector?: VectorFactory;
}

export interface EnvDescription {
  info: EnvInfo;
  observationSpace: Space;
  actionSpace: Space;
}

export class Registry {
  private readonly regs = new Map<string, Registration>();
  private readonly described = new Map<string, EnvDescription>();

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

  /** The id's vector backend for `numEnvs` copies, or null when the id has none (the session steps copies itself). */
  makeVector(id: string, kwargs: Record<string, unknown>, numEnvs: number, maxEpisodeSteps = 0): VectorBackend | null {
    const reg = this.checked(id, kwargs);
    if (!reg.vector) return null;
    return optionErrors(id, () => reg.vector!(kwargs, numEnvs, maxEpisodeSteps || reg.info.maxEpisodeSteps || 0));
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
