// What viewers and recordings make of a session's pictures (Session.picture, from its backend, whichever it is),
// chosen per env by cost (measured numbers in viewer/README.md):
// - CartPole's picture is a scene the page draws from its state: capturing costs a copy of 4 numbers, where
//   render() fills a 600×400 RGB frame (1.6 ms) that would then have to be compressed and sent.
// - Atari's picture is its palette indices (with the colours they use); the page maps them through the palette.
// - Any other env's is its render(), deflated off the main thread. It costs milliseconds on the thread that
//   steps the envs, so the viewer limits its rate to a fixed share of that thread (see RENDER_BUDGET).

import { deflate } from 'node:zlib';
import { promisify } from 'node:util';
import type { Picture, RgbFrame } from '../envs/env.js';
import { CartPole } from '../envs/classic/cartpole.js';

const deflateAsync = promisify(deflate);

/**
 * What a live frame carries: a scene the page draws, or an image (deflated pixels described by `image`). An indexed
 * image's colours travel apart (`palette`): the hub sends them to a viewer only when they change, since they are
 * fixed by the ROM and would otherwise cost more bytes than the deflated indices of each frame.
 */
export interface LiveFrame {
  scene?: Record<string, number>;
  image?: { format: 'rgb' | 'indexed'; width: number; height: number };
  palette?: Uint8Array;
  pixels?: Buffer;
}

/** Share of the main thread that server-side rendering for live viewers may take. */
export const RENDER_BUDGET = 0.02;

/** Whether making this kind of picture renders on the server (and so is rate-limited by RENDER_BUDGET). */
export function rendersOnServer(p: Picture): boolean {
  return p.kind !== 'scene';
}

/** The live frame of a picture; compression runs off the main thread. */
export async function liveFrame(p: Picture): Promise<LiveFrame> {
  if (p.kind === 'scene') return { scene: { x: p.state[0], theta: p.state[2] } };
  if (p.kind === 'indexed') {
    return { image: { format: 'indexed', width: p.width, height: p.height }, palette: p.palette, pixels: await deflateAsync(p.indices) };
  }
  return { image: { format: 'rgb', width: p.width, height: p.height }, pixels: await deflateAsync(p.data) };
}

/** Draws recorded CartPole states; never stepped. */
let cartPoleScratch: CartPole | null = null;

/** The RGB picture, for recordings. */
export function drawPicture(p: Picture): RgbFrame {
  if (p.kind === 'rgb') return p;
  if (p.kind === 'scene') {
    cartPoleScratch ??= new CartPole();
    cartPoleScratch.setState(p.state);
    return cartPoleScratch.render();
  }
  const data = new Uint8Array(p.width * p.height * 3);
  for (let i = 0; i < p.indices.length; i++) data.set(p.palette.subarray(3 * p.indices[i], 3 * p.indices[i] + 3), 3 * i);
  return { width: p.width, height: p.height, data };
}
