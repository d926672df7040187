// Validation of make() keyword options: every bad option is refused with a message naming the env, the option,
// the value received and what is allowed.

import { type EnvInfo, InvalidOption } from '../env.js';
import { clip } from '../../errors.js';

export type Kwargs = Record<string, unknown>;

/** A client's value as a message quotes it: JSON, cut short when long. */
export function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return clip(s);
}

export function invalid(info: EnvInfo, name: string, value: unknown, allowed: string): InvalidOption {
  return new InvalidOption(`${info.id}: option '${name}' must be ${allowed}, got ${show(value)}`);
}

/** Refuses options the env does not declare in its EnvInfo. */
export function checkKnownOptions(info: EnvInfo, kwargs: Kwargs): void {
  const known = Object.keys(info.kwargs);
  for (const name of Object.keys(kwargs)) {
    if (!known.includes(name)) {
      const allowed = known.length ? `allowed options: ${known.join(', ')}` : 'it takes no options';
      throw new InvalidOption(`${info.id}: unknown option '${clip(name)}'; ${allowed}`);
    }
  }
}

export function booleanOption(info: EnvInfo, kwargs: Kwargs, name: string, fallback: boolean): boolean {
  const v = kwargs[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw invalid(info, name, v, 'a boolean (true or false)');
  return v;
}

/** A finite number in [min, max]. */
export function numberOption(info: EnvInfo, kwargs: Kwargs, name: string, fallback: number, min: number, max: number): number {
  const v = kwargs[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw invalid(info, name, v, `a number in [${min}, ${max}]`);
  return v;
}
