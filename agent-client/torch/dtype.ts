// Element types and the JS typed arrays that hold them.
export type DType = 'float32' | 'float64' | 'float16' | 'bfloat16' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';

export const DTYPES: readonly DType[] = ['float32', 'float64', 'float16', 'bfloat16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool'];

/** The typed array a tensor of each dtype reads into (16-bit floats come back as their raw bits). */
export interface TypedArrayOf {
  float32: Float32Array;
  float64: Float64Array;
  float16: Uint16Array;
  bfloat16: Uint16Array;
  int64: BigInt64Array;
  int32: Int32Array;
  int16: Int16Array;
  int8: Int8Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

export type TypedArray = TypedArrayOf[DType];

const VIEWS: { [D in DType]: new (buffer: ArrayBuffer) => TypedArrayOf[D] } = {
  float32: Float32Array,
  float64: Float64Array,
  float16: Uint16Array,
  bfloat16: Uint16Array,
  int64: BigInt64Array,
  int32: Int32Array,
  int16: Int16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

export function viewBytes<D extends DType>(dtype: D, bytes: ArrayBuffer): TypedArrayOf[D] {
  return new VIEWS[dtype](bytes);
}

/** The dtype a typed array holds when no dtype is given. */
export function dtypeOfArray(data: ArrayBufferView): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return 'uint8';
  throw new TypeError(`cannot make a tensor from a ${data.constructor.name} (allowed: Float32Array, Float64Array, BigInt64Array, Int32Array, Int16Array, Int8Array, Uint8Array)`);
}

export function checkDType(dtype: string): DType {
  if (!(DTYPES as readonly string[]).includes(dtype)) throw new TypeError(`unknown dtype '${dtype}' (allowed: ${DTYPES.join(', ')})`);
  return dtype as DType;
}

export function isFloating(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
}
