// State dicts as safetensors files: an 8-byte little-endian header length, a JSON header giving each tensor's
// dtype, shape and byte range, then the raw little-endian bytes. Python opens them with safetensors.torch.load_file.
import { readFile, writeFile } from 'node:fs/promises';
import { native } from './native.js';
import { type DType } from './dtype.js';
import { type DeviceSpec, resolveDevice } from './device.js';
import { Tensor } from './tensor.js';

const CODES: Record<DType, string> = {
  float32: 'F32',
  float64: 'F64',
  float16: 'F16',
  bfloat16: 'BF16',
  int64: 'I64',
  int32: 'I32',
  int16: 'I16',
  int8: 'I8',
  uint8: 'U8',
  bool: 'BOOL',
};
const DTYPE_OF_CODE = new Map(Object.entries(CODES).map(([d, c]) => [c, d as DType]));

interface Entry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export function serialize(tensors: Record<string, Tensor>, metadata: Record<string, string> = {}): Buffer {
  const header: Record<string, Entry | Record<string, string>> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    if (name === '__metadata__') throw new TypeError("'__metadata__' is reserved and cannot name a tensor");
    const bytes = Buffer.from(native.toBytes(t.handle));
    header[name] = { dtype: CODES[t.dtype], shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    chunks.push(bytes);
    offset += bytes.length;
  }
  // Padding the header with spaces to a multiple of 8 keeps the data aligned for readers that map the file.
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([length, Buffer.from(json), ...chunks]);
}

export function deserialize(file: Uint8Array, options: { device?: DeviceSpec } = {}): { tensors: Record<string, Tensor>; metadata: Record<string, string> } {
  const device = resolveDevice(options.device ?? 'cpu');
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 8) throw new Error('not a safetensors file: shorter than its 8-byte header length');
  const headerLength = Number(buf.readBigUInt64LE(0));
  if (8 + headerLength > buf.length) throw new Error(`not a safetensors file: header length ${headerLength} exceeds the file size ${buf.length}`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.subarray(8, 8 + headerLength).toString('utf8'));
  } catch (e) {
    throw new Error(`not a safetensors file: header is not JSON (${(e as Error).message})`);
  }
  const data = buf.subarray(8 + headerLength);
  const tensors: Record<string, Tensor> = {};
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const entry = value as Entry;
    const dtype = DTYPE_OF_CODE.get(entry.dtype);
    if (!dtype) throw new Error(`tensor '${name}' has unsupported dtype '${entry.dtype}' (supported: ${[...DTYPE_OF_CODE.keys()].join(', ')})`);
    const [begin, end] = entry.data_offsets;
    if (!(begin >= 0 && begin <= end && end <= data.length)) throw new Error(`tensor '${name}' has byte range [${begin}, ${end}) outside the data (${data.length} bytes)`);
    tensors[name] = new Tensor(native.fromBytes(data.subarray(begin, end), dtype, entry.shape, device));
  }
  return { tensors, metadata: (header.__metadata__ as Record<string, string>) ?? {} };
}

/** Writes tensors (e.g. module.stateDict()) to a .safetensors file. */
export async function save(tensors: Record<string, Tensor>, path: string, metadata?: Record<string, string>): Promise<void> {
  await writeFile(path, serialize(tensors, metadata));
}

/** Reads a .safetensors file into tensors on the given device (CPU by default). */
export async function load(path: string, options: { device?: DeviceSpec } = {}): Promise<Record<string, Tensor>> {
  return deserialize(await readFile(path), options).tensors;
}
