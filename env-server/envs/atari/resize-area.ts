// Shrinking with OpenCV's INTER_AREA, bit for bit: each output pixel is the area-weighted mean of the source
// pixels its cell covers, with fractional coverage at the cell edges (210x160 → 84x84 has cells of 2.5 x 1.905
// pixels). OpenCV builds per-axis tables of (source, destination, weight) with float32 weights and accumulates in
// float32, rows first, then rounds half to even; the arithmetic below keeps those float32 roundings (Math.fround)
// so values on a rounding edge come out as OpenCV's do.

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

/** Resizes interleaved uint8 images of one fixed geometry; tables and buffers are built once. */
export class AreaResizer {
  private readonly xtab: AxisTab;
  private readonly ytab: AxisTab;
  private readonly row: Float32Array;
  private readonly sum: Float32Array;

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
    this.xtab = axisTable(srcWidth, dstWidth, channels);
    this.ytab = axisTable(srcHeight, dstHeight, 1);
    this.row = new Float32Array(dstWidth * channels);
    this.sum = new Float32Array(dstWidth * channels);
  }

  /** `src` is srcHeight x srcWidth x channels; `out` receives dstHeight x dstWidth x channels. */
  resize(src: Uint8Array, out: Uint8Array = new Uint8Array(this.dstWidth * this.dstHeight * this.channels)): Uint8Array {
    const fr = Math.fround;
    const { row, sum, channels: cn } = this;
    const xs = this.xtab.src;
    const xw = this.xtab.weight;
    const xf = this.xtab.first;
    const ys = this.ytab.src;
    const yd = this.ytab.dst;
    const yw = this.ytab.weight;
    const width = row.length;
    const dstWidth = this.dstWidth;
    const srcStride = this.srcWidth * cn;
    let currentRow = -1;
    for (let k = 0; k < ys.length; k++) {
      const base = ys[k] * srcStride;
      // OpenCV adds each destination's entries in table order from 0. Products of a byte and a float32 weight
      // are exact in double and sums of two float32 values are rounded once, so fround gives float32's results.
      for (let d = 0; d < dstWidth; d++) {
        const end = xf[d + 1];
        for (let c = 0; c < cn; c++) {
          let acc = 0;
          for (let j = xf[d]; j < end; j++) acc = fr(acc + fr(src[base + xs[j] + c] * xw[j]));
          row[d * cn + c] = acc;
        }
      }
      const beta = yw[k];
      if (yd[k] !== currentRow) {
        if (currentRow >= 0) store(sum, out, currentRow * width);
        for (let i = 0; i < width; i++) sum[i] = beta * row[i];
        currentRow = yd[k];
      } else {
        for (let i = 0; i < width; i++) sum[i] += fr(beta * row[i]);
      }
    }
    store(sum, out, currentRow * width);
    return out;
  }
}

/** Rounds half to even and saturates to a byte, as OpenCV's saturate_cast<uchar>(float). */
function store(sum: Float32Array, out: Uint8Array, offset: number): void {
  for (let i = 0; i < sum.length; i++) {
    const v = sum[i];
    let r = Math.round(v);
    if (r - v === 0.5 && (r & 1) === 1) r -= 1;
    out[offset + i] = r < 0 ? 0 : r > 255 ? 255 : r;
  }
}
