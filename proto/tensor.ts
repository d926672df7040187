// Typed tensors as they travel on the wire: dtype, shape and raw little-endian bytes.
// Values inside the server and the client are these tensors, or nested arrays/records of them for Tuple/Dict spaces,
// so a uint8 frame is never inflated into JS numbers.

export const DTYPES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'int64', 'float32', 'float64', 'bool'] as const;
export type DType = (typeof DTYPES)[number];

export type TypedArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array;

export interface Tensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: TypedArray;
}

/** A value of any space: a tensor, or a Tuple (array) / Dict (record) of values. */
export type Value = Tensor | Value[] | { [key: string]: Value };

const CTORS = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  int64: BigInt64Array,
  float32: Float32Array,
  float64: Float64Array,
  bool: Uint8Array,
} as const;

export function isDType(s: string): s is DType {
  return (DTYPES as readonly string[]).includes(s);
}

export function bytesPerElement(dtype: DType): number {
  return CTORS[dtype].BYTES_PER_ELEMENT;
}

export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function isTensor(v: Value): v is Tensor {
  return !Array.isArray(v) && typeof (v as Tensor).dtype === 'string' && ArrayBuffer.isView((v as Tensor).data);
}

/** A typed array of `dtype` over all of `buffer` (shared memory included). */
export function typedView(dtype: DType, buffer: ArrayBufferLike): TypedArray {
  return new CTORS[dtype](buffer as ArrayBuffer);
}

export function allocTensor(dtype: DType, shape: readonly number[]): Tensor {
  return { dtype, shape: [...shape], data: new CTORS[dtype](numel(shape)) };
}

export function tensor(dtype: DType, shape: readonly number[], values: ArrayLike<number> | ArrayLike<bigint>): Tensor {
  const t = allocTensor(dtype, shape);
  if (values.length !== t.data.length) {
    throw new RangeError(`tensor of shape [${shape}] needs ${t.data.length} values, got ${values.length}`);
  }
  if (dtype === 'int64') {
    setInt64(t.data as BigInt64Array, values);
  } else {
    (t.data as Exclude<TypedArray, BigInt64Array>).set(values as ArrayLike<number>);
  }
  return t;
}

export function scalar(dtype: DType, value: number): Tensor {
  return tensor(dtype, [], [value]);
}

/** Element i as a JS number (int64 values beyond 2^53 lose precision; spaces never need them). */
export function elementAt(t: Tensor, i: number): number {
  return Number(t.data[i]);
}

/**
 * A tensor's elements as JS numbers (int64 exact up to 2^53). int64 is read as two 32-bit words (little-endian
 * hosts, as tensorBytes): converting a BigInt per element costs ~13x more, 63 µs for a 1024-copy batch of actions.
 */
export function toNumbers(t: Tensor): number[] {
  const d = t.data;
  const n = d.length;
  const out: number[] = new Array(n);
  if (d instanceof BigInt64Array) {
    const w = new Int32Array(d.buffer, d.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) out[i] = w[2 * i + 1] * 4294967296 + (w[2 * i] >>> 0);
  } else {
    for (let i = 0; i < n; i++) out[i] = d[i];
  }
  return out;
}

/**
 * Fills int64 elements from JS numbers (safe integers) as two 32-bit words, without a BigInt per element (the
 * counterpart of toNumbers); bigint values are stored as they are.
 */
export function setInt64(d: BigInt64Array, values: ArrayLike<number> | ArrayLike<bigint>): void {
  const w = new Int32Array(d.buffer, d.byteOffset, 2 * d.length);
  for (let i = 0; i < d.length; i++) {
    const v = values[i];
    if (typeof v === 'bigint') {
      d[i] = v;
    } else {
      if (!Number.isInteger(v)) throw new RangeError(`int64 values must be integers, got ${String(v).slice(0, 32)}`);
      const hi = Math.floor(v / 4294967296);
      w[2 * i] = v - hi * 4294967296;
      w[2 * i + 1] = hi;
    }
  }
}

/** A view of raw little-endian bytes as a typed array, copying only when the bytes are misaligned. */
export function viewBytes(dtype: DType, bytes: Uint8Array, count: number): TypedArray {
  const Ctor = CTORS[dtype];
  const size = Ctor.BYTES_PER_ELEMENT;
  if (bytes.byteLength !== count * size) {
    throw new RangeError(`${dtype} tensor of ${count} elements needs ${count * size} bytes, got ${bytes.byteLength}`);
  }
  if (bytes.byteOffset % size === 0) return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, count);
  // Copy into fresh memory (Buffer#slice would return a view of the same misaligned pool).
  const out = new Ctor(count);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** The tensor's bytes as a Uint8Array view over the same memory (little-endian hosts only, which Node on x86/arm is). */
export function tensorBytes(t: Tensor): Uint8Array {
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}
