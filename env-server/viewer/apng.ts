// Animated PNG (APNG 1.0) writer for recorded episodes: 8-bit RGB, one full-size frame per step, no disposal or
// blending, looping forever. Browsers show it as a video; viewers without APNG show the first frame as a still.
// Each frame is compressed as soon as it is captured (off the main thread), so a recording holds kilobytes per
// step instead of raw frames.

import { crc32, deflate } from 'node:zlib';
import { promisify } from 'node:util';
import type { RgbFrame } from '../envs/env.js';

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_RGB = 2;

/** A frame's PNG image data: filtered scanlines, zlib-compressed. */
export interface CompressedFrame {
  width: number;
  height: number;
  data: Buffer;
}

export async function compressFrame(f: RgbFrame): Promise<CompressedFrame> {
  const row = f.width * 3;
  const raw = Buffer.alloc((row + 1) * f.height);
  // Filter type 0 (None) leads each row; deflate alone already shrinks the flat classic frames ~150-fold.
  for (let y = 0; y < f.height; y++) raw.set(f.data.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  return { width: f.width, height: f.height, data: await deflateAsync(raw) };
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v, 4 * i));
  return b;
}

/** Frame control: sequence number, size, offset (0, 0), delay, dispose_op none, blend_op source. */
function fcTL(seq: number, f: CompressedFrame, delayMs: number): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt32BE(seq, 0);
  b.writeUInt32BE(f.width, 4);
  b.writeUInt32BE(f.height, 8);
  b.writeUInt16BE(delayMs, 20);
  b.writeUInt16BE(1000, 22);
  return chunk('fcTL', b);
}

/** Assembles the frames, shown `fps` times a second, into one APNG file. */
export function encodeApng(frames: readonly CompressedFrame[], fps: number): Buffer {
  if (frames.length === 0) throw new RangeError('an APNG needs at least one frame');
  if (!(fps > 0 && fps <= 1000)) throw new RangeError(`APNG frame rate must be in (0, 1000], got ${fps}`);
  const { width, height } = frames[0];
  const odd = frames.findIndex((f) => f.width !== width || f.height !== height);
  if (odd >= 0) throw new RangeError(`APNG frames must all be ${width}x${height}; frame ${odd} is ${frames[odd].width}x${frames[odd].height}`);
  const delayMs = Math.max(1, Math.round(1000 / fps));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = COLOUR_RGB;
  const parts = [SIGNATURE, chunk('IHDR', ihdr), chunk('acTL', u32s(frames.length, 0))];
  let seq = 0;
  frames.forEach((f, i) => {
    parts.push(fcTL(seq++, f, delayMs));
    // The first frame doubles as the default image (IDAT); later ones are fdAT, each led by its sequence number.
    parts.push(i === 0 ? chunk('IDAT', f.data) : chunk('fdAT', Buffer.concat([u32s(seq++), f.data])));
  });
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
