// The observation kernel of AtariPreprocessing, in WebAssembly: the pixel-wise max of two frames and OpenCV's
// INTER_AREA shrink. f32 arithmetic rounds every product and sum to float32 as OpenCV's float accumulators do, so
// the results are OpenCV's bit for bit (the JavaScript tables in resize-area.ts say which source pixels and weights
// make each output). The caller owns the memory layout: every argument is a byte address in this module's memory.

/** a[i] = max(a[i], b[i]) for n bytes. */
export function maxInto(a: usize, b: usize, n: i32): void {
  let i = 0;
  for (; i + 16 <= n; i += 16) v128.store(a + <usize>i, i8x16.max_u(v128.load(a + <usize>i), v128.load(b + <usize>i)));
  for (; i < n; i++) store<u8>(a + <usize>i, max(load<u8>(a + <usize>i), load<u8>(b + <usize>i)));
}

/**
 * Shrinks `src` (rows of `srcRowBytes`) into `out` (`width` = destination width x channels bytes per row).
 * x table: for each of the `width` outputs of a row, `perOutput` entries of (byte offset in the source row: i32,
 * weight: f32), padded with weight 0 (adding 0 leaves a float32 sum as it is). y table: `ny` entries of (source row,
 * destination row: i32, weight: f32), ordered by destination row. `row` and `sum` are scratch of `width` f32 each.
 */
export function areaResize(
  src: usize,
  srcRowBytes: i32,
  out: usize,
  width: i32,
  xOffsets: usize,
  xWeights: usize,
  perOutput: i32,
  ySrc: usize,
  yDst: usize,
  yWeights: usize,
  ny: i32,
  row: usize,
  sum: usize,
): void {
  let current = -1;
  let previous = -1;
  for (let k = 0; k < ny; k++) {
    const sy = load<i32>(ySrc + (<usize>k << 2));
    // A source row split between two destination rows comes twice in a row: its x pass is the same.
    if (sy != previous) {
      previous = sy;
      const base = src + <usize>(sy * srcRowBytes);
      for (let d = 0; d < width; d++) {
        const e = <usize>(d * perOutput) << 2;
        let acc = <f32>load<u8>(base + <usize>load<i32>(xOffsets + e)) * load<f32>(xWeights + e);
        for (let j = 1; j < perOutput; j++) {
          const ej = e + (<usize>j << 2);
          acc += <f32>load<u8>(base + <usize>load<i32>(xOffsets + ej)) * load<f32>(xWeights + ej);
        }
        store<f32>(row + (<usize>d << 2), acc);
      }
    }
    const beta = load<f32>(yWeights + (<usize>k << 2));
    const dy = load<i32>(yDst + (<usize>k << 2));
    const b4 = f32x4.splat(beta);
    let i = 0;
    if (dy != current) {
      if (current >= 0) storeRow(sum, out + <usize>(current * width), width);
      for (; i + 4 <= width; i += 4) v128.store(sum + (<usize>i << 2), f32x4.mul(b4, v128.load(row + (<usize>i << 2))));
      for (; i < width; i++) store<f32>(sum + (<usize>i << 2), beta * load<f32>(row + (<usize>i << 2)));
      current = dy;
    } else {
      for (; i + 4 <= width; i += 4) {
        const p = sum + (<usize>i << 2);
        v128.store(p, f32x4.add(v128.load(p), f32x4.mul(b4, v128.load(row + (<usize>i << 2)))));
      }
      for (; i < width; i++) {
        const p = sum + (<usize>i << 2);
        store<f32>(p, load<f32>(p) + beta * load<f32>(row + (<usize>i << 2)));
      }
    }
  }
  if (current >= 0) storeRow(sum, out + <usize>(current * width), width);
}

/** Rounds half to even and saturates to a byte, as OpenCV's saturate_cast<uchar>(float). */
function storeRow(sum: usize, out: usize, width: i32): void {
  for (let i = 0; i < width; i++) {
    const v = nearest<f32>(load<f32>(sum + (<usize>i << 2)));
    store<u8>(out + <usize>i, <u8>(v < 0 ? 0 : v > 255 ? 255 : <i32>v));
  }
}
