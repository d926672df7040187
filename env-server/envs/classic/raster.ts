// A tiny software rasteriser for the classic envs' frames: filled rectangles, polygons and circles on an RGB
// buffer, with pixel-centre sampling so shapes cover the same pixels whatever their sub-pixel position.
// Coordinates are in pixels, x to the right and y downwards.

import type { RgbFrame } from '../env.js';

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];

export class Raster implements RgbFrame {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  /** Sets pixels x in [x0, x1) of row y, clipped to the frame. */
  private span(y: number, x0: number, x1: number, c: Rgb): void {
    if (y < 0 || y >= this.height) return;
    const a = Math.max(0, x0);
    const b = Math.min(this.width, x1);
    for (let x = a, i = (y * this.width + a) * 3; x < b; x++, i += 3) {
      this.data[i] = c[0];
      this.data[i + 1] = c[1];
      this.data[i + 2] = c[2];
    }
  }

  /** Fills the pixels whose centres lie in [x0, x1) × [y0, y1). */
  fillRect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    const ya = Math.max(0, Math.round(y0));
    const yb = Math.min(this.height, Math.round(y1));
    for (let y = ya; y < yb; y++) this.span(y, Math.round(x0), Math.round(x1), c);
  }

  /** A one-pixel outline just inside [x0, x1) × [y0, y1). */
  strokeRect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    this.fillRect(x0, y0, x1, y0 + 1, c);
    this.fillRect(x0, y1 - 1, x1, y1, c);
    this.fillRect(x0, y0, x0 + 1, y1, c);
    this.fillRect(x1 - 1, y0, x1, y1, c);
  }

  /** Fills a simple polygon (even-odd rule at pixel centres). */
  fillPolygon(points: readonly Point[], c: Rgb): void {
    const ys = points.map((p) => p[1]);
    const ya = Math.max(0, Math.floor(Math.min(...ys)));
    const yb = Math.min(this.height, Math.ceil(Math.max(...ys)));
    const xs: number[] = [];
    for (let y = ya; y < yb; y++) {
      const yc = y + 0.5;
      xs.length = 0;
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i];
        const [bx, by] = points[(i + 1) % points.length];
        if (ay <= yc !== by <= yc) xs.push(ax + ((yc - ay) / (by - ay)) * (bx - ax));
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) this.span(y, Math.ceil(xs[k] - 0.5), Math.ceil(xs[k + 1] - 0.5), c);
    }
  }

  fillCircle(cx: number, cy: number, r: number, c: Rgb): void {
    const ya = Math.max(0, Math.floor(cy - r));
    const yb = Math.min(this.height, Math.ceil(cy + r));
    for (let y = ya; y < yb; y++) {
      const dy = y + 0.5 - cy;
      if (dy * dy > r * r) continue;
      const half = Math.sqrt(r * r - dy * dy);
      this.span(y, Math.ceil(cx - half - 0.5), Math.ceil(cx + half - 0.5), c);
    }
  }
}
