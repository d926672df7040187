// Hand-written wire codec for the hot messages — StepRequest and StepResponse, alone or inside the Session stream —
// producing and accepting exactly the plain objects @grpc/proto-loader would. proto-loader converts every message
// to and from an intermediate protobufjs instance (fromObject/toObject); on a CartPole step that conversion costs
// more than the encoding itself. Anything this codec does not recognise (other payloads, unknown fields, unusual
// wire types) goes to proto-loader's codec, so it changes speed, never meaning.

import { DTYPES } from './tensor.js';
import type { StepMsg, ValueMapMsg, ValueMsg } from './codec.js';

// Wire types.
const VARINT = 0;
const I64 = 1;
const LEN = 2;

const DTYPE_NAMES = ['DTYPE_UNSPECIFIED', ...DTYPES.map((d) => d.toUpperCase())];
const DTYPE_NUMBERS = new Map(DTYPE_NAMES.map((n, i) => [n, i]));

class Unsupported extends Error {}

// ---------- encoding: sizes first, then one exact-size buffer ----------

function varintSize(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  return 5;
}

function lenFieldSize(tagSize: number, len: number): number {
  return tagSize + varintSize(len) + len;
}

interface TensorObj {
  dtype?: string;
  shape: number[];
  data?: Uint8Array;
}
interface ValueObj {
  tensor?: TensorObj | null;
  tuple?: { items: ValueObj[] } | null;
  dict?: { keys: string[]; values: ValueObj[] } | null;
}
interface ValueMapObj {
  keys: string[];
  values: ValueObj[];
}
export interface StepRequestObj {
  sessionId?: string;
  action?: ValueObj | null;
}
export type StepResponseObj = StepMsg;

class Writer {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  varint(v: number): void {
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  bytes(b: Uint8Array): void {
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  string(s: string, len: number): void {
    this.varint(len);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
  }
}

// Sizes are memoised per encode in these maps, so each nested message is measured once.
type Sizes = Map<object, number>;

function tensorSize(t: TensorObj, sizes: Sizes): number {
  // Like protobufjs, a field that is present is written even when it holds its default value.
  let n = 0;
  if (t.dtype != null) {
    const dt = DTYPE_NUMBERS.get(t.dtype);
    if (dt === undefined) throw new Unsupported();
    n += 1 + varintSize(dt);
  }
  if (t.shape.length) {
    let shapeLen = 0;
    for (const d of t.shape) shapeLen += varintSize(d);
    n += lenFieldSize(1, shapeLen);
    sizes.set(t.shape, shapeLen);
  }
  if (t.data != null) n += lenFieldSize(1, t.data.length);
  sizes.set(t, n);
  return n;
}

function valueSize(v: ValueObj, sizes: Sizes): number {
  let n: number;
  if (v.tensor) n = lenFieldSize(1, tensorSize(v.tensor, sizes));
  else if (v.tuple) {
    let inner = 0;
    for (const item of v.tuple.items) inner += lenFieldSize(1, valueSize(item, sizes));
    sizes.set(v.tuple, inner);
    n = lenFieldSize(1, inner);
  } else if (v.dict) {
    const inner = valueMapSize(v.dict, sizes);
    n = lenFieldSize(1, inner);
  } else n = 0;
  sizes.set(v, n);
  return n;
}

function valueMapSize(m: ValueMapObj, sizes: Sizes): number {
  let n = 0;
  for (const k of m.keys) n += lenFieldSize(1, Buffer.byteLength(k));
  for (const v of m.values) n += lenFieldSize(1, valueSize(v, sizes));
  sizes.set(m, n);
  return n;
}

function writeTensor(w: Writer, t: TensorObj, sizes: Sizes): void {
  if (t.dtype != null) {
    w.tag(1, VARINT);
    w.varint(DTYPE_NUMBERS.get(t.dtype)!);
  }
  if (t.shape.length) {
    w.tag(2, LEN);
    w.varint(sizes.get(t.shape)!);
    for (const d of t.shape) w.varint(d);
  }
  if (t.data != null) {
    w.tag(3, LEN);
    w.bytes(t.data);
  }
}

function writeValue(w: Writer, v: ValueObj, sizes: Sizes): void {
  if (v.tensor) {
    w.tag(1, LEN);
    w.varint(sizes.get(v.tensor)!);
    writeTensor(w, v.tensor, sizes);
  } else if (v.tuple) {
    w.tag(2, LEN);
    w.varint(sizes.get(v.tuple)!);
    for (const item of v.tuple.items) {
      w.tag(1, LEN);
      w.varint(sizes.get(item)!);
      writeValue(w, item, sizes);
    }
  } else if (v.dict) {
    w.tag(3, LEN);
    w.varint(sizes.get(v.dict)!);
    writeValueMap(w, v.dict, sizes);
  }
}

function writeValueMap(w: Writer, m: ValueMapObj, sizes: Sizes): void {
  for (const k of m.keys) {
    w.tag(1, LEN);
    w.string(k, Buffer.byteLength(k));
  }
  for (const v of m.values) {
    w.tag(2, LEN);
    w.varint(sizes.get(v)!);
    writeValue(w, v, sizes);
  }
}

function stepRequestSize(m: StepRequestObj, sizes: Sizes): number {
  let n = 0;
  if (m.sessionId != null) n += lenFieldSize(1, Buffer.byteLength(m.sessionId));
  if (m.action) n += lenFieldSize(1, valueSize(m.action, sizes));
  return n;
}

function writeStepRequest(w: Writer, m: StepRequestObj, sizes: Sizes): void {
  if (m.sessionId != null) {
    w.tag(1, LEN);
    w.string(m.sessionId, Buffer.byteLength(m.sessionId));
  }
  if (m.action) {
    w.tag(2, LEN);
    w.varint(sizes.get(m.action)!);
    writeValue(w, m.action, sizes);
  }
}

function stepResponseSize(m: StepResponseObj, sizes: Sizes): number {
  let n = 0;
  if (m.observation) n += lenFieldSize(1, valueSize(m.observation, sizes));
  if (m.reward.length) n += lenFieldSize(1, 8 * m.reward.length);
  if (m.terminated.length) n += lenFieldSize(1, m.terminated.length);
  if (m.truncated.length) n += lenFieldSize(1, m.truncated.length);
  for (const info of m.infos) n += lenFieldSize(1, valueMapSize(info, sizes));
  return n;
}

function writeStepResponse(w: Writer, m: StepResponseObj, sizes: Sizes): void {
  if (m.observation) {
    w.tag(1, LEN);
    w.varint(sizes.get(m.observation)!);
    writeValue(w, m.observation, sizes);
  }
  if (m.reward.length) {
    w.tag(2, LEN);
    w.varint(8 * m.reward.length);
    // Copied as float64 bytes at once (a writeDoubleLE per reward costs several times more).
    const f = m.reward instanceof Float64Array ? m.reward : Float64Array.from(m.reward);
    w.buf.set(new Uint8Array(f.buffer, f.byteOffset, f.byteLength), w.pos);
    w.pos += f.byteLength;
  }
  for (const [field, bools] of [
    [3, m.terminated],
    [4, m.truncated],
  ] as const) {
    if (!bools.length) continue;
    w.tag(field, LEN);
    w.varint(bools.length);
    // A packed bool is one byte, 0 or 1: the server's rows are those bytes already.
    if (bools instanceof Uint8Array) {
      w.buf.set(bools, w.pos);
      w.pos += bools.length;
    } else for (const b of bools) w.buf[w.pos++] = b ? 1 : 0;
  }
  for (const info of m.infos) {
    w.tag(5, LEN);
    w.varint(sizes.get(info)!);
    writeValueMap(w, info, sizes);
  }
}

/** Encodes `m` alone, or as the length-delimited field `outerField` of an enclosing message. */
function encode<T>(m: T, outerField: number, size: (m: T, sizes: Sizes) => number, write: (w: Writer, m: T, sizes: Sizes) => void): Buffer {
  const sizes: Sizes = new Map();
  const inner = size(m, sizes);
  const w = new Writer(Buffer.allocUnsafe(outerField ? lenFieldSize(1, inner) : inner));
  if (outerField) {
    w.tag(outerField, LEN);
    w.varint(inner);
  }
  write(w, m, sizes);
  return w.buf;
}

/** Encodes a StepRequest, or a SessionRequest carrying one in field `outerField` (3). */
export function encodeStepRequest(m: StepRequestObj, outerField = 0): Buffer {
  return encode(m, outerField, stepRequestSize, writeStepRequest);
}

/** Encodes a StepResponse, or a SessionResponse carrying one in field `outerField` (4). */
export function encodeStepResponse(m: StepResponseObj, outerField = 0): Buffer {
  return encode(m, outerField, stepResponseSize, writeStepResponse);
}

// ---------- decoding ----------

class Reader {
  constructor(
    readonly buf: Buffer,
    public pos: number,
  ) {}
  varint(): number {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Unsupported();
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
    throw new Unsupported();
  }
  /** The end offset of a length-delimited field that starts here. */
  sub(end: number): number {
    const len = this.varint();
    const e = this.pos + len;
    if (e > end) throw new Unsupported();
    return e;
  }
}

function readTensor(r: Reader, end: number): TensorObj {
  const t: TensorObj = { shape: [] };
  while (r.pos < end) {
    const tag = r.varint();
    if (tag === ((1 << 3) | VARINT)) {
      const d = r.varint();
      if (d >= DTYPE_NAMES.length) throw new Unsupported();
      t.dtype = DTYPE_NAMES[d];
    } else if (tag === ((2 << 3) | LEN)) {
      const e = r.sub(end);
      while (r.pos < e) t.shape.push(r.varint());
    } else if (tag === ((3 << 3) | LEN)) {
      const e = r.sub(end);
      t.data = r.buf.subarray(r.pos, e);
      r.pos = e;
    } else throw new Unsupported();
  }
  return t;
}

function readValue(r: Reader, end: number, depth: number): ValueObj {
  if (depth > 16) throw new Unsupported();
  const v: ValueObj = {};
  let kind: string | undefined;
  while (r.pos < end) {
    const tag = r.varint();
    const e = (tag & 7) === LEN ? r.sub(end) : -1;
    if (tag === ((1 << 3) | LEN)) {
      v.tensor = readTensor(r, e);
      kind = 'tensor';
    } else if (tag === ((2 << 3) | LEN)) {
      const items: ValueObj[] = [];
      while (r.pos < e) {
        if (r.varint() !== ((1 << 3) | LEN)) throw new Unsupported();
        items.push(readValue(r, r.sub(e), depth + 1));
      }
      v.tuple = { items };
      kind = 'tuple';
    } else if (tag === ((3 << 3) | LEN)) {
      v.dict = readValueMap(r, e, depth + 1);
      kind = 'dict';
    } else throw new Unsupported();
    r.pos = e;
  }
  return kind ? Object.assign(v, { kind }) : v;
}

function readValueMap(r: Reader, end: number, depth: number): ValueMapObj {
  const m: ValueMapObj = { keys: [], values: [] };
  while (r.pos < end) {
    const tag = r.varint();
    if ((tag & 7) !== LEN) throw new Unsupported();
    const e = r.sub(end);
    if (tag >> 3 === 1) m.keys.push(r.buf.toString('utf8', r.pos, e));
    else if (tag >> 3 === 2) m.values.push(readValue(r, e, depth));
    else throw new Unsupported();
    r.pos = e;
  }
  return m;
}

function readStepRequest(r: Reader, end: number): StepRequestObj {
  const m: StepRequestObj = {};
  while (r.pos < end) {
    const tag = r.varint();
    if ((tag & 7) !== LEN) throw new Unsupported();
    const e = r.sub(end);
    if (tag >> 3 === 1) m.sessionId = r.buf.toString('utf8', r.pos, e);
    else if (tag >> 3 === 2) m.action = readValue(r, e, 0);
    else throw new Unsupported();
    r.pos = e;
  }
  return m;
}

function readStepResponse(r: Reader, end: number): StepResponseObj {
  const m: StepResponseObj = { reward: [], terminated: [], truncated: [], infos: [] };
  while (r.pos < end) {
    const tag = r.varint();
    const field = tag >> 3;
    if (tag === ((2 << 3) | I64)) {
      m.reward = appendNumbers(m.reward, [r.buf.readDoubleLE(r.pos)]);
      r.pos += 8;
      continue;
    }
    if ((tag & 7) !== LEN) {
      if ((field === 3 || field === 4) && (tag & 7) === VARINT) {
        const flag = r.varint() !== 0;
        if (field === 3) m.terminated = appendFlags(m.terminated, [flag]);
        else m.truncated = appendFlags(m.truncated, [flag]);
        continue;
      }
      throw new Unsupported();
    }
    const e = r.sub(end);
    // Read tensors have no dtype when the wire carries 0 (DTYPE_UNSPECIFIED), which the tensor decoder refuses.
    if (field === 1) m.observation = readValue(r, e, 0) as ValueMsg;
    else if (field === 2) {
      if ((e - r.pos) % 8) throw new Unsupported();
      // One copy into aligned memory: a readDoubleLE per reward costs ~4x more on big batches.
      const f = new Float64Array((e - r.pos) / 8);
      new Uint8Array(f.buffer).set(r.buf.subarray(r.pos, e));
      m.reward = appendNumbers(m.reward, f);
    } else if (field === 3 || field === 4) {
      const flags = readFlags(r, e);
      if (field === 3) m.terminated = appendFlags(m.terminated, flags);
      else m.truncated = appendFlags(m.truncated, flags);
    } else if (field === 5) m.infos.push(readValueMap(r, e, 0) as ValueMapMsg);
    else throw new Unsupported();
    r.pos = e;
  }
  return m;
}

// Rewards and flags come as one packed field each from our server: decoded into typed arrays at once. Protobuf
// also allows them split over several fields or unpacked; those are appended one by one.
function appendNumbers(to: StepResponseObj['reward'], values: ArrayLike<number>): StepResponseObj['reward'] {
  if (to.length === 0 && values instanceof Float64Array) return values;
  return [...Array.from(to), ...Array.from(values)];
}

function appendFlags(to: StepResponseObj['terminated'], flags: Uint8Array | boolean[]): StepResponseObj['terminated'] {
  if (to.length === 0) return flags;
  return [...Array.from(to as ArrayLike<number | boolean>, Boolean), ...Array.from(flags as ArrayLike<number | boolean>, Boolean)];
}

/** A packed bool field: its bytes as they are when each is 0 or 1 (one-byte varints), else varint by varint. */
function readFlags(r: Reader, end: number): Uint8Array | boolean[] {
  let plain = true;
  for (let i = r.pos; i < end && plain; i++) plain = r.buf[i] <= 1;
  if (plain) return Uint8Array.from(r.buf.subarray(r.pos, end));
  const out: boolean[] = [];
  while (r.pos < end) out.push(r.varint() !== 0);
  return out;
}

/** Decodes a StepRequest (outerField 0) or a SessionRequest whose payload is `step` (field 3); null if not such. */
export function decodeStepRequest(buf: Buffer, outerField = 0): StepRequestObj | { step: StepRequestObj; payload: 'step' } | null {
  return decode(buf, outerField, readStepRequest, 'step');
}

/** Decodes a StepResponse (outerField 0) or a SessionResponse whose payload is `step` (field 4); null if not such. */
export function decodeStepResponse(buf: Buffer, outerField = 0): StepResponseObj | { step: StepResponseObj; payload: 'step' } | null {
  return decode(buf, outerField, readStepResponse, 'step');
}

function decode<T>(buf: Buffer, outerField: number, read: (r: Reader, end: number) => T, name: 'step') {
  try {
    const r = new Reader(buf, 0);
    if (!outerField) {
      const m = read(r, buf.length);
      return r.pos === buf.length ? m : null;
    }
    if (r.varint() !== ((outerField << 3) | LEN)) return null;
    const e = r.sub(buf.length);
    if (e !== buf.length) return null;
    const m = read(r, e);
    return { [name]: m, payload: name } as { step: T; payload: 'step' };
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return null;
    throw e;
  }
}
