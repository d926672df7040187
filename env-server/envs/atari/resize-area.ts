// Shrinking with OpenCV's INTER_AREA, bit for bit: each output pixel is the area-weighted mean of the source
// pixels its cell covers, with fractional coverage at the cell edges (210x160 → 84x84 has cells of 2.5 x 1.905
// pixels). OpenCV builds per-axis tables of (source, destination, weight) with float32 weights and accumulates in
// float32, rows first, then rounds half to even. The tables are built here; the arithmetic runs in the
// WebAssembly kernel (assembly/shrink.ts), whose f32 operations round as OpenCV's float32 ones do, 4-5x faster
// than the same loops in JavaScript.

import { fileURLToPath } from 'node:url';
import { compileBuiltWasm } from './built-wasm.js';

// dist/env-server/envs/atari/ -> <repo>/build/atari/shrink.wasm
export const SHRINK_WASM_PATH = fileURLToPath(new URL('../../../../build/atari/shrink.wasm', import.meta.url));

interface AxisTab {
  src: Int32Array;
  dst: Int32Array;
  weight: Float32Array;
  /** Entries of destination d are first[d] .. first[d + 1] - 1 (the table is ordered by destination). */
  first: Int32Array;
}

function axisTable(srcSize: number, dstSize: number, stride: number): AxisTab {
  // OpenCV derives the cell size as 1 / (dst / src), which is not always the double nearest src / dst.
  const scale = 1 / (dstSize / srcSize);
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  const first = new Int32Array(dstSize + 1);
  const add = (s: number, d: number, w: number) => {
    src.push(s * stride);
    dst.push(d * stride);
    weight.push(w);
  };
  for (let d = 0; d < dstSize; d++) {
    first[d] = src.length;
    const start = d * scale;
    const end = start + scale;
    const cell = Math.min(scale, srcSize - start);
    const last = Math.min(Math.floor(end), srcSize - 1);
    const whole = Math.min(Math.ceil(start), last);
    // Coverages below 1e-3 of a pixel are dropped, as OpenCV does.
    if (whole - start > 1e-3) add(whole - 1, d, (whole - start) / cell);
    for (let s = whole; s < last; s++) add(s, d, 1 / cell);
    if (end - last > 1e-3) add(last, d, Math.min(end - last, 1, cell) / cell);
  }
  first[dstSize] = src.length;
  return { src: Int32Array.from(src), dst: Int32Array.from(dst), weight: Float32Array.from(weight), first };
}

interface KernelExports {
  memory: WebAssembly.Memory;
  maxInto(a: number, b: number, n: number): void;
  areaResize(...args: number[]): void;
}

/** This thread's kernel instance; its memory holds each geometry's tables and buffers, placed once. */
let kernel: KernelExports | undefined;
let top = 0;

function loadKernel(): KernelExports {
  if (!kernel) {
    kernel = new WebAssembly.Instance(compileBuiltWasm(SHRINK_WASM_PATH, 'the frame kernel'), {}).exports as unknown as KernelExports;
    top = kernel.memory.buffer.byteLength;
  }
  return kernel;
}

/** `bytes` of kernel memory, 16-byte aligned, growing the memory as needed; never freed (one block per geometry). */
function place(k: KernelExports, bytes: number): number {
  const at = (top + 15) & ~15;
  top = at + bytes;
  const short = top - k.memory.buffer.byteLength;
  if (short > 0) k.memory.grow(Math.ceil(short / 65536));
  return at;
}

/**
 * The image buffers of one source geometry, shared by every output size shrunk from it (an output is never larger
 * than its source): two sources with 16 bytes of slack (the grouped x pass loads 16 bytes from its group's first
 * byte), the output, and the f32 row and sum. A client choosing screen_size per session so adds only tables.
 */
interface Buffers {
  srcA: number;
  srcB: number;
  out: number;
  row: number;
  sum: number;
}

/** One geometry's tables, in kernel memory as the kernel reads them, and its source geometry's buffers. */
interface Geometry {
  srcBytes: number;
  outBytes: number;
  buffers: Buffers;
  args: number[];
}

const buffersBySource = new Map<string, Buffers>();
const geometries = new Map<string, Geometry>();

function sourceBuffers(k: KernelExports, sw: number, sh: number, cn: number): Buffers {
  const key = `${sw}x${sh}x${cn}`;
  let b = buffersBySource.get(key);
  if (!b) {
    const bytes = sw * sh * cn;
    const rowBytes = 16 * Math.ceil((sw * cn) / 4);
    b = { srcA: place(k, bytes + 16), srcB: place(k, bytes + 16), out: place(k, bytes), row: place(k, rowBytes), sum: place(k, rowBytes) };
    buffersBySource.set(key, b);
  }
  return b;
}

function geometry(k: KernelExports, sw: number, sh: number, dw: number, dh: number, cn: number): Geometry {
  const key = `${sw}x${sh}x${cn}>${dw}x${dh}`;
  let g = geometries.get(key);
  if (g) return g;
  const buffers = sourceBuffers(k, sw, sh, cn);
  const x = axisTable(sw, dw, cn);
  const y = axisTable(sh, dh, 1);
  // The x table padded to the same number of entries per output (weight 0), for each channel of each output.
  let per = 0;
  for (let d = 0; d < dw; d++) per = Math.max(per, x.first[d + 1] - x.first[d]);
  const width = dw * cn;
  const offs = new Int32Array(width * per);
  const ws = new Float32Array(width * per);
  for (let d = 0; d < dw; d++) {
    for (let c = 0; c < cn; c++) {
      for (let j = 0; j < per; j++) {
        const e = x.first[d] + j;
        const at = (d * cn + c) * per + j;
        const real = e < x.first[d + 1];
        offs[at] = (real ? x.src[e] : x.src[x.first[d]]) + c;
        ws[at] = real ? x.weight[e] : 0;
      }
    }
  }
  const grouped = groupTables(offs, ws, width, per);
  const { srcA, out, row, sum } = buffers;
  const tables = [placeCopy(k, offs), placeCopy(k, ws), per, placeCopy(k, y.src), placeCopy(k, y.dst), placeCopy(k, y.weight), y.src.length];
  const groupArgs = grouped ? [grouped.groups, placeCopy(k, grouped.bases), placeCopy(k, grouped.masks), placeCopy(k, grouped.weights)] : [0, 0, 0, 0];
  g = { srcBytes: sw * sh * cn, outBytes: width * dh, buffers, args: [srcA, sw * cn, out, width, ...tables, row, sum, ...groupArgs] };
  geometries.set(key, g);
  return g;
}

/** Places a copy of `data` in kernel memory and returns its address (a view is made only after the memory grew). */
function placeCopy(k: KernelExports, data: Int32Array | Float32Array | Uint8Array): number {
  const at = place(k, data.byteLength);
  new Uint8Array(k.memory.buffer, at, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return at;
}

/**
 * The x table as the kernel's four-at-a-time pass reads it (see xGroups in assembly/shrink.ts): per group of four
 * outputs, the first source byte they read, and per entry the swizzle that picks each output's byte and the four
 * weights; null when some group reads further than 16 bytes (wide cells), which leaves the x pass scalar.
 */
function groupTables(offs: Int32Array, ws: Float32Array, width: number, per: number): { groups: number; bases: Int32Array; masks: Uint8Array; weights: Float32Array } | null {
  const groups = Math.ceil(width / 4);
  const bases = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let o = 4 * g; o < Math.min(width, 4 * g + 4); o++) {
      for (let j = 0; j < per; j++) {
        lo = Math.min(lo, offs[o * per + j]);
        hi = Math.max(hi, offs[o * per + j]);
      }
    }
    if (hi - lo > 15) return null;
    bases[g] = lo;
  }
  // Out-of-range swizzle indices (0x80) give 0: the three high bytes of each lane, and the lanes past `width`.
  const masks = new Uint8Array(16 * groups * per).fill(0x80);
  const weights = new Float32Array(4 * groups * per);
  for (let o = 0; o < width; o++) {
    const g = o >> 2;
    for (let j = 0; j < per; j++) {
      const at = (g * per + j) * 4 + (o & 3);
      masks[4 * at] = offs[o * per + j] - bases[g];
      weights[at] = ws[o * per + j];
    }
  }
  return { groups, bases, masks, weights };
}

/** Bytes of this thread's kernel memory (what every geometry made so far holds). */
export function kernelMemoryBytes(): number {
  return loadKernel().memory.buffer.byteLength;
}

/** Resizes interleaved uint8 images of one fixed geometry; its tables are built once per thread and geometry. */
export class AreaResizer {
  private readonly g: Geometry;
  private readonly k: KernelExports;

  constructor(
    readonly srcWidth: number,
    readonly srcHeight: number,
    readonly dstWidth: number,
    readonly dstHeight: number,
    readonly channels = 1,
  ) {
    if (dstWidth > srcWidth || dstHeight > srcHeight || dstWidth < 1 || dstHeight < 1) {
      throw new RangeError(`area resizing only shrinks: ${srcWidth}x${srcHeight} → ${dstWidth}x${dstHeight}`);
    }
    this.k = loadKernel();
    this.g = geometry(this.k, srcWidth, srcHeight, dstWidth, dstHeight, channels);
  }

  /** `src` is srcHeight x srcWidth x channels; `out` receives dstHeight x dstWidth x channels. */
  resize(src: Uint8Array, out: Uint8Array = new Uint8Array(this.g.outBytes)): Uint8Array {
    const { g, k } = this;
    new Uint8Array(k.memory.buffer, g.buffers.srcA, g.srcBytes).set(src);
    return this.run(out);
  }

  /**
   * Gymnasium's max-pooling in place, then the shrink: `a` becomes max(a, b) pixel by pixel (as np.maximum(a, b,
   * out=a), which a step that ends before reading a new frame sees again) and its shrink goes to `out`.
   */
  maxPoolResize(a: Uint8Array, b: Uint8Array, out: Uint8Array): Uint8Array {
    const { g, k } = this;
    const mem = new Uint8Array(k.memory.buffer);
    const { srcA, srcB } = g.buffers;
    mem.set(a, srcA);
    mem.set(b, srcB);
    k.maxInto(srcA, srcB, g.srcBytes);
    a.set(mem.subarray(srcA, srcA + g.srcBytes));
    return this.run(out);
  }

  private run(out: Uint8Array): Uint8Array {
    const { g, k } = this;
    k.areaResize(...g.args);
    out.set(new Uint8Array(k.memory.buffer, g.buffers.out, g.outBytes));
    return out;
  }
}
