// Gymnasium's spaces, shared by the server (to validate and encode) and the client (to decode, sample and check).
// Each space has a native JS form (what env code and users touch) and a wire form (tensors):
//   Discrete → number (int64 scalar on the wire); Box, MultiDiscrete, MultiBinary → typed array of the space's dtype;
//   Tuple → array; Dict → record with the space's key order.

import { type DType, type Tensor, type TypedArray, type Value, allocTensor, isTensor, numel, tensor } from './tensor.js';
import { type Rng, Xoshiro128, entropySeed } from './rng.js';

export type Native = number | TypedArray | Native[] | { [key: string]: Native };

/** The plain-object form of a space, as the proto message `Space` (and JSON) carries it. */
export type SpaceSpec =
  | { discrete: { n: number; start: number } }
  | { box: { low: number[]; high: number[]; shape: number[]; dtype: DType } }
  | { multiDiscrete: { nvec: number[]; start: number[]; shape: number[]; dtype: DType } }
  | { multiBinary: { shape: number[] } }
  | { tuple: { spaces: SpaceSpec[] } }
  | { dict: { keys: string[]; spaces: SpaceSpec[] } };

export abstract class Space<T extends Native = Native> {
  private ownRng: Xoshiro128 | null = null;
  /** A uniformly drawn member (Gymnasium's rules for unbounded Box dimensions), from `rng` or the space's own generator. */
  abstract sample(rng?: Rng): T;
  /** Why `x` is not a member, or null when it is. */
  abstract check(x: Native): string | null;
  abstract toValue(x: T): Value;
  /** Decodes a wire value; throws with a message naming what was expected when the value has the wrong form. */
  abstract fromValue(v: Value): T;
  abstract spec(): SpaceSpec;
  abstract toString(): string;

  contains(x: Native): boolean {
    return this.check(x) === null;
  }
  /** Seeds the space's own generator, used by `sample()` without an argument. */
  seed(seed: number): void {
    this.ownRng = new Xoshiro128(seed);
  }
  protected gen(rng?: Rng): Rng {
    return rng ?? (this.ownRng ??= new Xoshiro128(entropySeed()));
  }
}

function expectTensor(v: Value, space: Space): Tensor {
  if (!isTensor(v)) throw new TypeError(`expected a tensor for ${space}, got a ${Array.isArray(v) ? 'tuple' : 'dict'}`);
  return v;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

const INT_DTYPES: ReadonlySet<DType> = new Set(['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'int64']);

export class Discrete extends Space<number> {
  constructor(
    readonly n: number,
    readonly start = 0,
  ) {
    super();
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`Discrete n must be a positive integer, got ${n}`);
  }
  sample(r?: Rng): number {
    const rng = this.gen(r);
    return this.start + Math.floor(rng.random() * this.n);
  }
  check(x: Native): string | null {
    if (typeof x !== 'number' || !Number.isInteger(x)) return `expected an integer in ${this}, got ${describe(x)}`;
    if (x < this.start || x >= this.start + this.n) return `expected an integer in [${this.start}, ${this.start + this.n - 1}] for ${this}, got ${x}`;
    return null;
  }
  toValue(x: number): Value {
    return tensor('int64', [], [x]);
  }
  fromValue(v: Value): number {
    const t = expectTensor(v, this);
    if (t.shape.length !== 0 || t.data.length !== 1) throw new TypeError(`expected a scalar for ${this}, got shape [${t.shape}]`);
    if (!INT_DTYPES.has(t.dtype)) throw new TypeError(`expected an integer dtype for ${this}, got ${t.dtype}`);
    return Number(t.data[0]);
  }
  spec(): SpaceSpec {
    return { discrete: { n: this.n, start: this.start } };
  }
  toString(): string {
    return this.start === 0 ? `Discrete(${this.n})` : `Discrete(${this.n}, start=${this.start})`;
  }
}

/** Shared by the array-valued spaces: checks dtype and shape of a typed array and wraps it as a tensor. */
abstract class ArraySpace extends Space<TypedArray> {
  constructor(
    readonly shape: readonly number[],
    readonly dtype: DType,
  ) {
    super();
  }
  protected abstract checkElements(x: TypedArray): string | null;
  check(x: Native): string | null {
    if (!ArrayBuffer.isView(x)) return `expected a typed array of ${this.dtype} with shape [${this.shape}] for ${this}, got ${describe(x)}`;
    const want = allocTensor(this.dtype, []).data.constructor;
    if (x.constructor !== want) return `expected ${this.dtype} values for ${this}, got ${x.constructor.name}`;
    if (x.length !== numel(this.shape)) return `expected ${numel(this.shape)} values (shape [${this.shape}]) for ${this}, got ${x.length}`;
    return this.checkElements(x);
  }
  toValue(x: TypedArray): Value {
    return { dtype: this.dtype, shape: this.shape, data: x };
  }
  fromValue(v: Value): TypedArray {
    const t = expectTensor(v, this);
    if (t.dtype !== this.dtype) throw new TypeError(`expected dtype ${this.dtype} for ${this}, got ${t.dtype}`);
    if (!sameShape(t.shape, this.shape)) throw new TypeError(`expected shape [${this.shape}] for ${this}, got [${t.shape}]`);
    return t.data;
  }
}

export class Box extends ArraySpace {
  readonly low: Float64Array;
  readonly high: Float64Array;
  private bounds?: [number[], number[]];
  constructor(low: number | ArrayLike<number>, high: number | ArrayLike<number>, shape: readonly number[], dtype: DType = 'float32') {
    super(shape, dtype);
    const n = numel(shape);
    this.low = broadcast(low, n, 'low');
    this.high = broadcast(high, n, 'high');
    for (let i = 0; i < n; i++) {
      if (!(this.low[i] <= this.high[i])) throw new RangeError(`Box low[${i}]=${this.low[i]} exceeds high[${i}]=${this.high[i]}`);
    }
  }
  sample(r?: Rng): TypedArray {
    const rng = this.gen(r);
    const out = allocTensor(this.dtype, this.shape).data;
    const isInt = INT_DTYPES.has(this.dtype);
    for (let i = 0; i < out.length; i++) {
      const lo = this.low[i];
      const hi = this.high[i];
      let x: number;
      if (isInt) x = Math.floor(lo + rng.random() * (hi - lo + 1));
      else if (Number.isFinite(lo) && Number.isFinite(hi)) x = lo + rng.random() * (hi - lo);
      else if (Number.isFinite(lo)) x = lo - Math.log(1 - rng.random());
      else if (Number.isFinite(hi)) x = hi + Math.log(1 - rng.random());
      else x = rng.normal();
      setElement(out, i, x);
    }
    return out;
  }
  protected checkElements(x: TypedArray): string | null {
    for (let i = 0; i < x.length; i++) {
      const v = Number(x[i]);
      if (Number.isNaN(v)) return `element ${i} is NaN; ${this} needs values in [${this.low[i]}, ${this.high[i]}]`;
      if (v < Math.fround(this.low[i]) || v > Math.fround(this.high[i])) {
        if (v < this.low[i] || v > this.high[i]) return `element ${i} is ${v}, outside [${this.low[i]}, ${this.high[i]}] of ${this}`;
      }
    }
    return null;
  }
  /** Bounds that are the same for every element travel as one value (an Atari frame's Box has 100,800 elements). */
  spec(): SpaceSpec {
    // Scanning the bounds costs a pass over every element (100,800 for an Atari RGB screen); ListEnvs asks for the
    // spec of every id on each call, so it is computed once.
    this.bounds ??= [compactBound(this.low), compactBound(this.high)];
    return { box: { low: [...this.bounds[0]], high: [...this.bounds[1]], shape: [...this.shape], dtype: this.dtype } };
  }
  toString(): string {
    const lo = this.low.every((v) => v === this.low[0]) ? String(this.low[0]) : `[${this.low}]`;
    const hi = this.high.every((v) => v === this.high[0]) ? String(this.high[0]) : `[${this.high}]`;
    return `Box(${lo}, ${hi}, (${this.shape}), ${this.dtype})`;
  }
}

export class MultiDiscrete extends ArraySpace {
  readonly nvec: Float64Array;
  readonly start: Float64Array;
  constructor(nvec: ArrayLike<number>, start?: ArrayLike<number>, dtype: DType = 'int64') {
    super([nvec.length], dtype);
    this.nvec = Float64Array.from(nvec);
    this.start = start ? Float64Array.from(start) : new Float64Array(nvec.length);
  }
  sample(r?: Rng): TypedArray {
    const rng = this.gen(r);
    const out = allocTensor(this.dtype, this.shape).data;
    for (let i = 0; i < out.length; i++) {
      setElement(out, i, this.start[i] + Math.floor(rng.random() * this.nvec[i]));
    }
    return out;
  }
  protected checkElements(x: TypedArray): string | null {
    for (let i = 0; i < x.length; i++) {
      const v = Number(x[i]);
      if (v < this.start[i] || v >= this.start[i] + this.nvec[i]) return `element ${i} is ${v}, outside [${this.start[i]}, ${this.start[i] + this.nvec[i] - 1}] of ${this}`;
    }
    return null;
  }
  spec(): SpaceSpec {
    return { multiDiscrete: { nvec: [...this.nvec], start: [...this.start], shape: [...this.shape], dtype: this.dtype } };
  }
  toString(): string {
    return `MultiDiscrete([${this.nvec}])`;
  }
}

export class MultiBinary extends ArraySpace {
  constructor(shape: number | readonly number[]) {
    super(typeof shape === 'number' ? [shape] : shape, 'int8');
  }
  sample(r?: Rng): TypedArray {
    const rng = this.gen(r);
    const out = allocTensor('int8', this.shape).data as Int8Array;
    for (let i = 0; i < out.length; i++) out[i] = rng.random() < 0.5 ? 0 : 1;
    return out;
  }
  protected checkElements(x: TypedArray): string | null {
    for (let i = 0; i < x.length; i++) if (x[i] !== 0 && x[i] !== 1) return `element ${i} is ${x[i]}; ${this} allows only 0 and 1`;
    return null;
  }
  spec(): SpaceSpec {
    return { multiBinary: { shape: [...this.shape] } };
  }
  toString(): string {
    return `MultiBinary(${this.shape.length === 1 ? this.shape[0] : `(${this.shape})`})`;
  }
}

export class Tuple extends Space<Native[]> {
  constructor(readonly spaces: readonly Space[]) {
    super();
  }
  sample(r?: Rng): Native[] {
    const rng = this.gen(r);
    return this.spaces.map((s) => s.sample(rng));
  }
  check(x: Native): string | null {
    if (!Array.isArray(x)) return `expected an array of ${this.spaces.length} items for ${this}, got ${describe(x)}`;
    if (x.length !== this.spaces.length) return `expected ${this.spaces.length} items for ${this}, got ${x.length}`;
    for (let i = 0; i < x.length; i++) {
      const err = this.spaces[i].check(x[i]);
      if (err) return `item ${i}: ${err}`;
    }
    return null;
  }
  toValue(x: Native[]): Value {
    return this.spaces.map((s, i) => s.toValue(x[i]));
  }
  fromValue(v: Value): Native[] {
    if (!Array.isArray(v)) throw new TypeError(`expected a tuple of ${this.spaces.length} items for ${this}`);
    if (v.length !== this.spaces.length) throw new TypeError(`expected ${this.spaces.length} items for ${this}, got ${v.length}`);
    return this.spaces.map((s, i) => {
      try {
        return s.fromValue(v[i]);
      } catch (e) {
        throw new TypeError(`item ${i}: ${(e as Error).message}`);
      }
    });
  }
  spec(): SpaceSpec {
    return { tuple: { spaces: this.spaces.map((s) => s.spec()) } };
  }
  toString(): string {
    return `Tuple(${this.spaces.join(', ')})`;
  }
}

export class Dict extends Space<{ [key: string]: Native }> {
  readonly keys: readonly string[];
  constructor(readonly spaces: Readonly<Record<string, Space>>) {
    super();
    this.keys = Object.keys(spaces);
  }
  sample(r?: Rng): { [key: string]: Native } {
    const rng = this.gen(r);
    return Object.fromEntries(this.keys.map((k) => [k, this.spaces[k].sample(rng)]));
  }
  check(x: Native): string | null {
    if (typeof x !== 'object' || Array.isArray(x) || ArrayBuffer.isView(x)) return `expected a record with keys ${this.keys.join(', ')} for ${this}, got ${describe(x)}`;
    const rec = x as { [key: string]: Native };
    for (const k of this.keys) {
      if (!(k in rec)) return `missing key '${k}' for ${this}`;
      const err = this.spaces[k].check(rec[k]);
      if (err) return `key '${k}': ${err}`;
    }
    const extra = Object.keys(rec).filter((k) => !(k in this.spaces));
    if (extra.length) return `unexpected keys ${extra.join(', ')}; ${this} has ${this.keys.join(', ')}`;
    return null;
  }
  toValue(x: { [key: string]: Native }): Value {
    return Object.fromEntries(this.keys.map((k) => [k, this.spaces[k].toValue(x[k])]));
  }
  fromValue(v: Value): { [key: string]: Native } {
    if (typeof v !== 'object' || Array.isArray(v) || isTensor(v)) throw new TypeError(`expected a dict with keys ${this.keys.join(', ')} for ${this}`);
    return Object.fromEntries(
      this.keys.map((k) => {
        if (!(k in v)) throw new TypeError(`missing key '${k}' for ${this}`);
        try {
          return [k, this.spaces[k].fromValue(v[k])];
        } catch (e) {
          throw new TypeError(`key '${k}': ${(e as Error).message}`);
        }
      }),
    );
  }
  spec(): SpaceSpec {
    return { dict: { keys: [...this.keys], spaces: this.keys.map((k) => this.spaces[k].spec()) } };
  }
  toString(): string {
    return `Dict(${this.keys.map((k) => `${k}: ${this.spaces[k]}`).join(', ')})`;
  }
}

export function spaceFromSpec(spec: SpaceSpec): Space {
  if ('discrete' in spec) return new Discrete(spec.discrete.n, spec.discrete.start);
  if ('box' in spec) return new Box(spec.box.low, spec.box.high, spec.box.shape, spec.box.dtype);
  if ('multiDiscrete' in spec) return new MultiDiscrete(spec.multiDiscrete.nvec, spec.multiDiscrete.start, spec.multiDiscrete.dtype);
  if ('multiBinary' in spec) return new MultiBinary(spec.multiBinary.shape);
  if ('tuple' in spec) return new Tuple(spec.tuple.spaces.map(spaceFromSpec));
  if ('dict' in spec) return new Dict(Object.fromEntries(spec.dict.keys.map((k, i) => [k, spaceFromSpec(spec.dict.spaces[i])])));
  throw new TypeError(`unknown space spec ${JSON.stringify(spec)}`);
}

function setElement(out: TypedArray, i: number, x: number): void {
  if (out instanceof BigInt64Array) out[i] = BigInt(x);
  else out[i] = x;
}

function compactBound(b: Float64Array): number[] {
  return b.every((x) => Object.is(x, b[0])) ? [b[0]] : [...b];
}

// Uniform bounds of large Boxes, shared: an Atari RGB Box's two bounds are 1.6 MB of float64, which every env copy
// (and every id ListEnvs describes) would otherwise hold. Bounds are never written after construction.
const uniformBounds = new Map<string, Float64Array>();
const SHARED_FROM = 4096;

function uniform(v: number, n: number): Float64Array {
  if (n < SHARED_FROM) return new Float64Array(n).fill(v);
  const key = `${n} ${Object.is(v, -0) ? '-0' : v}`;
  let b = uniformBounds.get(key);
  if (!b) uniformBounds.set(key, (b = new Float64Array(n).fill(v)));
  return b;
}

function broadcast(v: number | ArrayLike<number>, n: number, name: string): Float64Array {
  if (typeof v === 'number') return uniform(v, n);
  if (v.length === 1 && n !== 1) return uniform(v[0], n);
  if (v.length !== n) throw new RangeError(`Box ${name} has ${v.length} values; the shape needs ${n} (or 1, the same bound everywhere)`);
  return Float64Array.from(v);
}

function describe(x: Native): string {
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (ArrayBuffer.isView(x)) return `${x.constructor.name}(${x.length})`;
  return typeof x === 'object' && x !== null ? 'a record' : String(x);
}
