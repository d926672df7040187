// Access to the classic-env reference fixtures in <repo>/../shared/reference/classic, plus the generators
// that replay recorded draws into an env.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';
import type { SeedableRng } from '../../../env-server/envs/classic/seedable-rng.js';

// Compiled to dist/test/envs/classic/, four levels below the repo root.
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where the classic fixtures are (absent without ../shared). */
export const REFERENCE_DIR = resolve(REPO, '..', 'shared', 'reference', 'classic');

/** The parsed fixture, or a skip reason when ../shared is absent. */
export function loadReference<T>(name: string): { ref: T; skip: false } | { ref: null; skip: string } {
  const file = `${REFERENCE_DIR}/${name}`;
  if (!existsSync(file)) return { ref: null, skip: `reference fixture ${file} not found (../shared is absent)` };
  return { ref: JSON.parse(readFileSync(file, 'utf8')) as T, skip: false };
}

/** Plays back recorded uniforms and normals in order, refusing to invent any it was not given. */
export class ReplayRng implements SeedableRng {
  uniformsUsed = 0;
  normalsUsed = 0;
  seeds: number[] = [];

  constructor(
    private readonly uniforms: readonly number[] = [],
    private readonly normals: readonly number[] = [],
  ) {}

  random(): number {
    if (this.uniformsUsed >= this.uniforms.length) throw new Error(`replay ran out of uniforms after ${this.uniformsUsed}`);
    return this.uniforms[this.uniformsUsed++];
  }

  normal(): number {
    if (this.normalsUsed >= this.normals.length) throw new Error(`replay ran out of normals after ${this.normalsUsed}`);
    return this.normals[this.normalsUsed++];
  }

  seed(seed: number): void {
    this.seeds.push(seed);
  }
}

/** Noise-free runs: every normal draw is 0 and no uniform may be drawn. */
export class ZeroNoiseRng implements SeedableRng {
  normalsUsed = 0;
  random(): number {
    throw new Error('a noise-free replay must not draw uniforms');
  }
  normal(): number {
    this.normalsUsed++;
    return 0;
  }
  seed(): void {}
}

/** Exact (===) comparison of two number lists; one assertion naming the first difference. */
export function sameNumbers(t: Test, actual: ArrayLike<number>, expected: readonly number[], what: string): boolean {
  if (actual.length !== expected.length) return t.fail(`${what}: ${actual.length} values, expected ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    if (!(actual[i] === expected[i] || (Number.isNaN(actual[i]) && Number.isNaN(expected[i])))) {
      return t.fail(`${what}: element ${i} is ${actual[i]}, expected ${expected[i]} (all: [${Array.from(actual)}])`);
    }
  }
  return t.pass(what);
}

/** Gymnasium's TimeLimit: truncated once the step count reaches the limit. */
export function truncatedAt(stepIndex: number, limit: number | undefined): boolean {
  return limit !== undefined && stepIndex + 1 >= limit;
}

/** |estimate − expected| within 4 standard errors, the fixtures' bound for Monte Carlo checks. */
export function withinFourSigma(t: Test, estimate: number, expected: number, se: number, what: string): boolean {
  return t.ok(Math.abs(estimate - expected) <= 4 * se, `${what}: ${estimate} vs ${expected} (4σ = ${4 * se})`);
}
