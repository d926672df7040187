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
 * The x pass four outputs at a time, where each group of four reads within 16 bytes of the row: for group g, one
 * load at groupBase[g] and per entry j a swizzle (groupMasks[g][j]) puts each output's source byte in the low byte
 * of its 32-bit lane (the other bytes 0), which becomes an f32 and meets the entry's weights (groupWeights[g][j]).
 * Per lane the products and sums are those of the scalar loop, in the same order.
 */
function xGroups(base: usize, row: usize, groups: i32, perOutput: i32, groupBase: usize, groupMasks: usize, groupWeights: usize): void {
  for (let g = 0; g < groups; g++) {
    const bytes = v128.load(base + <usize>load<i32>(groupBase + (<usize>g << 2)));
    const e = <usize>(g * perOutput) << 4;
    let acc = f32x4.mul(f32x4.convert_i32x4_u(i8x16.swizzle(bytes, v128.load(groupMasks + e))), v128.load(groupWeights + e));
    for (let j = 1; j < perOutput; j++) {
      const ej = e + (<usize>j << 4);
      acc = f32x4.add(acc, f32x4.mul(f32x4.convert_i32x4_u(i8x16.swizzle(bytes, v128.load(groupMasks + ej))), v128.load(groupWeights + ej)));
    }
    v128.store(row + (<usize>g << 4), acc);
  }
}

/**
 * Shrinks `src` (rows of `srcRowBytes`) into `out` (`width` = destination width x channels bytes per row).
 * x table: for each of the `width` outputs of a row, `perOutput` entries of (byte offset in the source row: i32,
 * weight: f32), padded with weight 0 (adding 0 leaves a float32 sum as it is). y table: `ny` entries of (source row,
 * destination row: i32, weight: f32), ordered by destination row. `row` and `sum` are scratch of `width` f32 each
 * (`row` rounded up to whole groups of four). With `groups` > 0 the x pass goes four outputs at a time (xGroups).
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
  groups: i32,
  groupBase: usize,
  groupMasks: usize,
  groupWeights: usize,
): void {
  let current = -1;
  let previous = -1;
  for (let k = 0; k < ny; k++) {
    const sy = load<i32>(ySrc + (<usize>k << 2));
    // A source row split between two destination rows comes twice in a row: its x pass is the same.
    if (sy != previous) {
      previous = sy;
      const base = src + <usize>(sy * srcRowBytes);
      if (groups > 0) xGroups(base, row, groups, perOutput, groupBase, groupMasks, groupWeights);
      else for (let d = 0; d < width; d++) {
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
