// Making tensors: from JS data (one memcpy, never a per-element loop for typed arrays) and filled ones.
import { native } from './native.js';
import { type DType, checkDType, dtypeOfArray } from './dtype.js';
import { type DeviceSpec, resolveDevice } from './device.js';
import { Tensor } from './tensor.js';

export interface TensorOptions {
  dtype?: DType;
  device?: DeviceSpec;
  requiresGrad?: boolean;
}

export type NestedArray = number | boolean | NestedArray[];

function finish(t: Tensor, options: TensorOptions): Tensor {
  if (options.requiresGrad) t.requiresGrad = true;
  return t;
}

function dims(data: NestedArray): number[] {
  const shape: number[] = [];
  for (let level: NestedArray = data; Array.isArray(level); level = level[0]) shape.push(level.length);
  return shape;
}

function checkShape(shape: readonly number[]): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`invalid shape [${shape}]: sizes must be integers >= 0`);
  }
  return [...shape];
}

/**
 * A tensor from a typed array (dtype follows the array unless given; shape defaults to 1-d) or from nested
 * number arrays (float32 unless given, like numbers in JS).
 */
export function tensor(data: ArrayBufferView | NestedArray, options: TensorOptions & { shape?: readonly number[] } = {}): Tensor {
  const device = resolveDevice(options.device ?? 'cpu');
  if (ArrayBuffer.isView(data)) {
    const own = dtypeOfArray(data);
    const dtype = checkDType(options.dtype ?? own);
    const count = data.byteLength / (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    const shape = checkShape(options.shape ?? [count]);
    if (dtype === own) {
      return finish(new Tensor(native.fromBytes(data, dtype, shape, device)), options);
    }
    // A different dtype was asked for: copy the array as it is, then convert natively.
    const raw = native.fromBytes(data, own, shape, 'cpu');
    try {
      return finish(new Tensor(native.to(raw, device, dtype)), options);
    } finally {
      native.dispose(raw);
    }
  }
  const shape = options.shape ? checkShape(options.shape) : dims(data);
  const flat: unknown[] = Array.isArray(data) ? (data as unknown[]).flat(Infinity) : [data];
  const count = shape.reduce((a, b) => a * b, 1);
  if (flat.length !== count) {
    throw new RangeError(`ragged or mismatched data: ${flat.length} values for shape [${shape}]`);
  }
  const bad = flat.findIndex((v) => typeof v !== 'number' && typeof v !== 'boolean');
  if (bad >= 0) throw new TypeError(`tensor data must be numbers or booleans; element ${bad} is ${typeof flat[bad]}`);
  const values = Float64Array.from(flat as (number | boolean)[], Number);
  const dtype = checkDType(options.dtype ?? 'float32');
  const raw = native.fromBytes(values, 'float64', shape, 'cpu');
  try {
    return finish(new Tensor(native.to(raw, device, dtype)), options);
  } finally {
    native.dispose(raw);
  }
}

export function full(shape: readonly number[], value: number | boolean, options: TensorOptions = {}): Tensor {
  const t = native.full(checkShape(shape), value, checkDType(options.dtype ?? 'float32'), resolveDevice(options.device ?? 'cpu'));
  return finish(new Tensor(t), options);
}

export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 0, { dtype: t.dtype, device: t.device, ...options });
}

export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 1, { dtype: t.dtype, device: t.device, ...options });
}

/** arange(end) or arange(start, end, step): int64 unless given. */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  const [lo, hi] = end === undefined ? [0, start] : [start, end];
  if (step === 0) throw new RangeError('arange step must not be 0');
  const t = native.arange(lo, hi, step, checkDType(options.dtype ?? 'int64'), resolveDevice(options.device ?? 'cpu'));
  return finish(new Tensor(t), options);
}
