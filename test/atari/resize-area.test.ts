// INTER_AREA shrinking against hand-worked cases, a direct float64 area integration, and hashes of OpenCV 4.6's
// own cv2.resize(..., INTER_AREA) output on the same generated images.

import t from 'tap';
import { AreaResizer, kernelMemoryBytes } from '../../env-server/envs/atari/resize-area.js';
import { areaMean, fnv1a, lcgBytes } from './shared.js';

function image(w: number, h: number, f: (x: number, y: number) => number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = f(x, y);
  return out;
}

t.test('hand-worked cases with fractional cells', async (t) => {
  // 5x5 → 2x2: cells of 2.5 pixels; v = 10x + 40y is linear, so each output is v at the cell's mean position:
  // x̄ = (0 + 1 + 0.5·2) / 2.5 = 0.8 and (0.5·2 + 3 + 4) / 2.5 = 3.2, the same for y.
  const a = new AreaResizer(5, 5, 2, 2).resize(image(5, 5, (x, y) => 10 * x + 40 * y));
  t.same(Array.from(a), [8 + 32, 32 + 32, 8 + 128, 32 + 128]);
  // 4 wide x 6 high → 3 x 4: x cells of 4/3 give x̄ = 0.25, 1.5, 2.75; y cells of 1.5 give ȳ = 1/3, 5/3, 10/3, 14/3.
  const b = new AreaResizer(4, 6, 3, 4).resize(image(4, 6, (x, y) => 12 * x + 30 * y));
  t.same(Array.from(b), [13, 28, 43, 53, 68, 83, 103, 118, 133, 143, 158, 173]);
});

t.test('agrees with direct float64 area integration on 210x160 frames', async (t) => {
  for (const [dw, dh, cn] of [
    [84, 84, 1],
    [84, 84, 3],
    [64, 50, 1],
    // Cells of 8 x 10.5 pixels: four outputs read more than 16 bytes, so the kernel's x pass goes one by one.
    [20, 20, 1],
    [20, 20, 3],
  ]) {
    const src = lcgBytes(160 * 210 * cn);
    const got = new AreaResizer(160, 210, dw, dh, cn).resize(src);
    const exact = areaMean(src, 160, 210, dw, dh, cn);
    let bad = 0;
    let ties = 0;
    for (let i = 0; i < got.length; i++) {
      const frac = exact[i] - Math.floor(exact[i]);
      if (Math.abs(frac - 0.5) < 1e-4) {
        ties++;
        if (Math.abs(got[i] - exact[i]) > 0.5 + 1e-4) bad++;
      } else if (got[i] !== Math.round(exact[i])) bad++;
    }
    t.equal(bad, 0, `${dw}x${dh}x${cn}: every pixel is the rounded area mean (${ties} exact halves may go either way)`);
  }
});

t.test('bit for bit what OpenCV 4.6 produces', async (t) => {
  // Hashes of cv2.resize(img, (dw, dh), interpolation=cv2.INTER_AREA) on the same images.
  const cases: [number, number, number, number, number, string, Uint8Array][] = [
    [160, 210, 84, 84, 1, 'afc08f11', lcgBytes(160 * 210)],
    [160, 210, 84, 84, 3, 'b468f5c9', lcgBytes(160 * 210 * 3)],
    [160, 210, 100, 100, 1, 'afb4ef6a', lcgBytes(160 * 210)],
    // Stripes of 0/100/200 put many cells exactly on a .5: OpenCV's float32 sums decide those.
    [160, 210, 84, 84, 1, 'e9182ef5', Uint8Array.from({ length: 160 * 210 }, (_, i) => (Math.floor(i / 7) % 3) * 100)],
  ];
  for (const [w, h, dw, dh, cn, hash, src] of cases) {
    t.equal(fnv1a(new AreaResizer(w, h, dw, dh, cn).resize(src)), hash, `${w}x${h}x${cn} → ${dw}x${dh}`);
  }
});

t.test('max-pooling in place before the shrink, as np.maximum(a, b, out=a)', async (t) => {
  // 13 x 7 = 91 bytes: five 16-byte blocks and a tail of 11.
  const a = image(13, 7, (x, y) => (x * 37 + y * 11) % 256);
  const b = image(13, 7, (x, y) => (x * 5 + y * 53 + 100) % 256);
  const pooled = a.map((v, i) => Math.max(v, b[i]));
  const r = new AreaResizer(13, 7, 5, 3);
  const out = r.maxPoolResize(a, b, new Uint8Array(15));
  t.same(Array.from(a), Array.from(pooled), 'a holds the pixel-wise max afterwards');
  t.same(Array.from(out), Array.from(new AreaResizer(13, 7, 5, 3).resize(pooled)), 'the shrink is that of the max');
  t.same(Array.from(out), Array.from(areaMean(pooled, 13, 7, 5, 3, 1)).map((v) => Math.round(v)), 'each output the rounded area mean');
});

t.test('every screen_size a client may ask for adds only its tables to a thread', async (t) => {
  const src = lcgBytes(160 * 210);
  const before = new AreaResizer(160, 210, 84, 84).resize(src);
  const start = kernelMemoryBytes();
  const rgb = lcgBytes(160 * 210 * 3);
  for (const [cn, image] of [
    [1, src],
    [3, rgb],
  ] as const) {
    let wrong = 0;
    for (let s = 1; s <= 160; s++) {
      // Both x passes: narrow cells go four outputs at a time, wide ones one by one.
      const got = new AreaResizer(160, 210, s, s, cn).resize(image);
      const exact = areaMean(image, 160, 210, s, s, cn);
      for (let i = 0; i < got.length; i++) if (Math.abs(got[i] - exact[i]) > (Math.abs((exact[i] % 1) - 0.5) < 1e-4 ? 0.5 + 1e-4 : 0.5)) wrong++;
    }
    t.equal(wrong, 0, `every size from 1 to 160, ${cn} channel(s), gives the rounded area means`);
  }
  // Tables are a few KB a size; the image buffers (33.6 KB or 100.8 KB, three per geometry before they were shared)
  // are not repeated: 320 geometries would have added ~45 MB.
  t.ok(kernelMemoryBytes() - start < 8 * 1024 * 1024, `320 geometries added ${kernelMemoryBytes() - start} bytes`);
  t.same(new AreaResizer(160, 210, 84, 84).resize(src), before, 'the shared buffers leave no trace between sizes');
  t.equal(fnv1a(new AreaResizer(160, 210, 84, 84).resize(lcgBytes(160 * 210))), 'afc08f11');
});

t.test('refuses to enlarge', async (t) => {
  t.throws(() => new AreaResizer(160, 210, 200, 84), /only shrinks/);
});
