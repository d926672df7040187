// An independent APNG reader for the tests: walks the chunks, checks every CRC with its own CRC-32 (the PNG
// specification's table algorithm, not the encoder's zlib.crc32), and decodes each frame back to RGB.

import { inflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface FrameControl {
  seq: number;
  width: number;
  height: number;
  x: number;
  y: number;
  delayNum: number;
  delayDen: number;
  dispose: number;
  blend: number;
}

export interface Apng {
  chunkTypes: string[];
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  numFrames: number;
  numPlays: number;
  /** Sequence numbers of fcTL and fdAT chunks in file order. */
  sequence: number[];
  frames: { control: FrameControl; rgb: Buffer }[];
}

export function readApng(png: Buffer): Apng {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG signature');
  const out: Apng = { chunkTypes: [], width: 0, height: 0, bitDepth: 0, colourType: 0, numFrames: 0, numPlays: 0, sequence: [], frames: [] };
  let pending: { control: FrameControl; parts: Buffer[] } | null = null;
  const flush = () => {
    if (!pending) return;
    const raw = inflateSync(Buffer.concat(pending.parts));
    const { width, height } = pending.control;
    const row = width * 3;
    if (raw.length !== (row + 1) * height) throw new Error(`frame ${pending.control.seq} inflates to ${raw.length} bytes, expected ${(row + 1) * height}`);
    const rgb = Buffer.alloc(row * height);
    for (let y = 0; y < height; y++) {
      if (raw[y * (row + 1)] !== 0) throw new Error(`row ${y} uses filter ${raw[y * (row + 1)]}; this reader expects filter 0`);
      raw.copy(rgb, y * row, y * (row + 1) + 1, (y + 1) * (row + 1));
    }
    out.frames.push({ control: pending.control, rgb });
    pending = null;
  };
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    if (crc !== crc32(png.subarray(at + 4, at + 8 + length))) throw new Error(`bad CRC on ${type} at byte ${at}`);
    out.chunkTypes.push(type);
    at += 12 + length;
    if (type === 'IHDR') {
      out.width = data.readUInt32BE(0);
      out.height = data.readUInt32BE(4);
      out.bitDepth = data[8];
      out.colourType = data[9];
    } else if (type === 'acTL') {
      out.numFrames = data.readUInt32BE(0);
      out.numPlays = data.readUInt32BE(4);
    } else if (type === 'fcTL') {
      flush();
      const control: FrameControl = {
        seq: data.readUInt32BE(0),
        width: data.readUInt32BE(4),
        height: data.readUInt32BE(8),
        x: data.readUInt32BE(12),
        y: data.readUInt32BE(16),
        delayNum: data.readUInt16BE(20),
        delayDen: data.readUInt16BE(22),
        dispose: data[24],
        blend: data[25],
      };
      out.sequence.push(control.seq);
      pending = { control, parts: [] };
    } else if (type === 'IDAT') {
      pending?.parts.push(data);
    } else if (type === 'fdAT') {
      out.sequence.push(data.readUInt32BE(0));
      pending?.parts.push(data.subarray(4));
    } else if (type === 'IEND') {
      flush();
    }
  }
  return out;
}
