// Conversion between our in-memory tensors/values/spaces and the plain objects that @grpc/proto-loader reads and
// writes for stadium.v1 messages. Tensor bytes are never copied on the way out, and only copied on the way in when
// the received buffer is misaligned for the dtype.

import { type DType, type Tensor, type Value, isDType, isTensor, numel, tensorBytes, viewBytes } from './tensor.js';
import { type SpaceSpec } from './spaces.js';

export interface TensorMsg {
  dtype: string;
  shape: number[];
  data: Uint8Array;
}
export interface ValueMsg {
  tensor?: TensorMsg | null;
  tuple?: { items: ValueMsg[] } | null;
  dict?: { keys: string[]; values: ValueMsg[] } | null;
  kind?: string;
}
export interface ValueMapMsg {
  keys: string[];
  values: ValueMsg[];
}
/**
 * A StepResponse: the one type of a step result from the server's session, through either codec, to the client.
 * Rewards and flags are typed arrays where they can be (the rows the server's envs wrote; the fast codec's decoding)
 * and plain arrays from proto-loader's codec.
 */
export interface StepMsg {
  observation?: ValueMsg | null;
  reward: number[] | Float64Array;
  terminated: boolean[] | Uint8Array;
  truncated: boolean[] | Uint8Array;
  infos: ValueMapMsg[];
}
export interface SpaceMsg {
  discrete?: { n: number; start: number } | null;
  box?: { low: number[]; high: number[]; shape: number[]; dtype: string } | null;
  multiDiscrete?: { nvec: number[]; start: number[]; shape: number[]; dtype: string } | null;
  multiBinary?: { shape: number[] } | null;
  tuple?: { spaces: SpaceMsg[] } | null;
  dict?: { keys: string[]; spaces: SpaceMsg[] } | null;
  kind?: string;
}

/** Thrown for a malformed message; the server answers it with INVALID_ARGUMENT. */
export class CodecError extends Error {
  override name = 'CodecError';
}

const MAX_RANK = 8;

export function dtypeToProto(d: DType): string {
  return d.toUpperCase();
}

export function dtypeFromProto(s: string): DType {
  const d = String(s).toLowerCase();
  if (!isDType(d)) throw new CodecError(`unknown dtype ${s}; allowed: UINT8, INT8, UINT16, INT16, UINT32, INT32, INT64, FLOAT32, FLOAT64, BOOL`);
  return d;
}

export function tensorToProto(t: Tensor): TensorMsg {
  return { dtype: dtypeToProto(t.dtype), shape: t.shape as number[], data: tensorBytes(t) };
}

export function tensorFromProto(m: TensorMsg | null | undefined): Tensor {
  if (!m) throw new CodecError('missing tensor');
  const dtype = dtypeFromProto(m.dtype);
  const shape = m.shape ?? [];
  if (shape.length > MAX_RANK) throw new CodecError(`tensor rank ${shape.length} exceeds the maximum of ${MAX_RANK}`);
  const n = numel(shape);
  const bytes = m.data ?? new Uint8Array(0);
  try {
    return { dtype, shape, data: viewBytes(dtype, bytes, n) };
  } catch (e) {
    throw new CodecError(`tensor of dtype ${m.dtype} and shape [${shape}]: ${(e as Error).message}`);
  }
}

export function valueToProto(v: Value): ValueMsg {
  if (isTensor(v)) return { tensor: tensorToProto(v) };
  if (Array.isArray(v)) return { tuple: { items: v.map(valueToProto) } };
  const keys = Object.keys(v);
  return { dict: { keys, values: keys.map((k) => valueToProto(v[k])) } };
}

export function valueFromProto(m: ValueMsg | null | undefined, depth = 0): Value {
  if (!m) throw new CodecError('missing value');
  if (depth > 16) throw new CodecError('value nested deeper than 16 levels');
  if (m.tensor) return tensorFromProto(m.tensor);
  if (m.tuple) return (m.tuple.items ?? []).map((x) => valueFromProto(x, depth + 1));
  if (m.dict) {
    const keys = m.dict.keys ?? [];
    const values = m.dict.values ?? [];
    if (keys.length !== values.length) throw new CodecError(`dict value has ${keys.length} keys but ${values.length} values`);
    const out: { [k: string]: Value } = {};
    keys.forEach((k, i) => (out[k] = valueFromProto(values[i], depth + 1)));
    return out;
  }
  throw new CodecError('value has none of tensor, tuple or dict set');
}

export function valueMapToProto(map: Record<string, Value>): ValueMapMsg {
  const keys = Object.keys(map);
  return { keys, values: keys.map((k) => valueToProto(map[k])) };
}

export function valueMapFromProto(m: ValueMapMsg | null | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  if (!m) return out;
  (m.keys ?? []).forEach((k, i) => (out[k] = valueFromProto(m.values[i])));
  return out;
}

export function spaceToProto(s: SpaceSpec): SpaceMsg {
  if ('discrete' in s) return { discrete: s.discrete };
  if ('box' in s) return { box: { ...s.box, dtype: dtypeToProto(s.box.dtype) } };
  if ('multiDiscrete' in s) return { multiDiscrete: { ...s.multiDiscrete, dtype: dtypeToProto(s.multiDiscrete.dtype) } };
  if ('multiBinary' in s) return { multiBinary: s.multiBinary };
  if ('tuple' in s) return { tuple: { spaces: s.tuple.spaces.map(spaceToProto) } };
  return { dict: { keys: s.dict.keys, spaces: s.dict.spaces.map(spaceToProto) } };
}

export function spaceFromProto(m: SpaceMsg): SpaceSpec {
  if (m.discrete) return { discrete: { n: Number(m.discrete.n), start: Number(m.discrete.start ?? 0) } };
  if (m.box) return { box: { low: m.box.low, high: m.box.high, shape: m.box.shape ?? [], dtype: dtypeFromProto(m.box.dtype) } };
  if (m.multiDiscrete) {
    const md = m.multiDiscrete;
    return { multiDiscrete: { nvec: md.nvec.map(Number), start: md.start.map(Number), shape: md.shape, dtype: dtypeFromProto(md.dtype) } };
  }
  if (m.multiBinary) return { multiBinary: { shape: m.multiBinary.shape } };
  if (m.tuple) return { tuple: { spaces: m.tuple.spaces.map(spaceFromProto) } };
  if (m.dict) return { dict: { keys: m.dict.keys, spaces: m.dict.spaces.map(spaceFromProto) } };
  throw new CodecError('space message has no kind set');
}
