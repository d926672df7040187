// Where the viewer's pictures come from, per env, chosen by cost (measured numbers in viewer/README.md):
// - CartPole is drawn by the page from its state: capturing costs a copy of 4 numbers, where render() fills a
//   600×400 RGB frame (1.6 ms) that would then have to be compressed and sent.
// - Envs that expose palette frames (Atari) send their palette indices; the page maps them through the palette.
// - Any other env falls back to render(), deflated off the main thread. It costs milliseconds on the thread that
//   steps the envs, so the viewer limits its rate to a fixed share of that thread (see RENDER_BUDGET).

import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import type { Env, RgbFrame } from '../envs/env.js';
import { CartPole } from '../envs/classic/cartpole.js';
import { TimeLimit } from '../wrappers/time-limit.js';

const deflateAsync = promisify(deflate);

/** An env whose picture is a grid of palette indices (Atari's TIA output), cheaper to ship than RGB. */
export interface PaletteFrames {
  paletteFrame(): PaletteFrame;
}

export interface PaletteFrame {
  width: number;
  height: number;
  /** One index per pixel, row-major. */
  indices: Uint8Array;
  /** RGB triples; index i is palette[3i..3i+2]. */
  palette: Uint8Array;
}

/** What a live frame carries: a scene the page draws, or an image (deflated pixels described by `image`). */
export interface LiveFrame {
  scene?: Record<string, number>;
  image?: { format: 'rgb' | 'indexed'; width: number; height: number; palette?: number[] };
  pixels?: Buffer;
}

export interface FrameSource {
  /** How the page draws this source: a scene painter's name, or 'image'. */
  readonly painter: 'cartpole' | 'image';
  /** Whether capturing renders on the server (and so is rate-limited by RENDER_BUDGET). */
  readonly renders: boolean;
  /** A cheap copy of what the current picture needs; call only on the main thread, between steps. */
  capture(): unknown;
  /** The live frame of a capture; heavy work (compression) runs off the main thread. */
  live(snapshot: unknown): Promise<LiveFrame>;
  /** The RGB picture of a capture, for recordings. */
  draw(snapshot: unknown): RgbFrame;
}

/** Share of the main thread that server-side rendering for live viewers may take. */
export const RENDER_BUDGET = 0.02;

/** Strips wrappers (time limits) to reach the env that holds the state. */
export function unwrap(env: Env): Env {
  let e = env;
  while (e instanceof TimeLimit) e = e.inner;
  return e;
}

class CartPoleScene implements FrameSource {
  readonly painter = 'cartpole';
  readonly renders = false;
  /** Draws recorded states; never stepped. */
  private readonly scratch = new CartPole();
  constructor(private readonly env: CartPole) {}
  capture(): Float64Array {
    return this.env.state;
  }
  async live(s: Float64Array): Promise<LiveFrame> {
    return { scene: { x: s[0], theta: s[2] } };
  }
  draw(s: Float64Array): RgbFrame {
    this.scratch.setState(s);
    return this.scratch.render();
  }
}

class PaletteSource implements FrameSource {
  readonly painter = 'image';
  readonly renders = true;
  constructor(private readonly env: PaletteFrames) {}
  capture(): PaletteFrame {
    const f = this.env.paletteFrame();
    return { ...f, indices: f.indices.slice() };
  }
  async live(f: PaletteFrame): Promise<LiveFrame> {
    return { image: { format: 'indexed', width: f.width, height: f.height, palette: Array.from(f.palette) }, pixels: await deflateAsync(f.indices) };
  }
  draw(f: PaletteFrame): RgbFrame {
    const data = new Uint8Array(f.width * f.height * 3);
    for (let i = 0; i < f.indices.length; i++) data.set(f.palette.subarray(3 * f.indices[i], 3 * f.indices[i] + 3), 3 * i);
    return { width: f.width, height: f.height, data };
  }
}

class RenderedSource implements FrameSource {
  readonly painter = 'image';
  readonly renders = true;
  constructor(private readonly env: Env) {}
  capture(): RgbFrame {
    return this.env.render();
  }
  async live(f: RgbFrame): Promise<LiveFrame> {
    return { image: { format: 'rgb', width: f.width, height: f.height }, pixels: await deflateAsync(f.data) };
  }
  draw(f: RgbFrame): RgbFrame {
    return f;
  }
}

function hasPaletteFrames(env: Env): env is Env & PaletteFrames {
  return typeof (env as Partial<PaletteFrames>).paletteFrame === 'function';
}

/** The cheapest source for an env (`env` as the session holds it, wrappers included). */
export function frameSource(env: Env): FrameSource {
  const inner = unwrap(env);
  if (inner instanceof CartPole) return new CartPoleScene(inner);
  if (hasPaletteFrames(inner)) return new PaletteSource(inner);
  return new RenderedSource(env);
}
