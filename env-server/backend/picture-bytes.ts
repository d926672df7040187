// A picture as bytes in the pool's shared picture buffer: a 16-byte header (kind, width or scene painter, height, payload
// bytes, as little-endian u32) and the payload (RGB triples; palette indices then the 768-byte palette; a scene's float64 state).

import type { Picture, ScenePainter } from '../envs/env.js';

const HEADER = 16;
const KINDS = ['rgb', 'indexed', 'scene'] as const;
const PALETTE_BYTES = 768;
const PAINTERS: ScenePainter[] = ['cartpole'];

export function pictureBytes(p: Picture): number {
  if (p.kind === 'rgb') return HEADER + p.data.length;
  if (p.kind === 'indexed') return HEADER + p.indices.length + PALETTE_BYTES;
  return HEADER + p.state.byteLength;
}

export function writePicture(p: Picture, out: Uint8Array): void {
  const need = pictureBytes(p);
  if (need > out.length) throw new RangeError(`a picture of ${need} bytes does not fit the pool's ${out.length}-byte picture buffer`);
  const h = new DataView(out.buffer, out.byteOffset, HEADER);
  h.setUint32(0, KINDS.indexOf(p.kind), true);
  h.setUint32(12, need - HEADER, true);
  if (p.kind === 'scene') {
    h.setUint32(4, PAINTERS.indexOf(p.painter), true);
    out.set(new Uint8Array(p.state.buffer, p.state.byteOffset, p.state.byteLength), HEADER);
    return;
  }
  h.setUint32(4, p.width, true);
  h.setUint32(8, p.height, true);
  if (p.kind === 'rgb') out.set(p.data, HEADER);
  else {
    out.set(p.indices, HEADER);
    out.set(p.palette, HEADER + p.indices.length);
  }
}

/** A copy of the picture in `buf`, independent of the shared memory. */
export function readPicture(buf: Uint8Array): Picture {
  const h = new DataView(buf.buffer, buf.byteOffset, HEADER);
  const kind = KINDS[h.getUint32(0, true)];
  const width = h.getUint32(4, true);
  const height = h.getUint32(8, true);
  const payload = buf.slice(HEADER, HEADER + h.getUint32(12, true));
  if (kind === 'rgb') return { kind, width, height, data: payload };
  if (kind === 'indexed') return { kind, width, height, indices: payload.subarray(0, width * height), palette: payload.subarray(width * height) };
  return { kind: 'scene', painter: PAINTERS[width], state: new Float64Array(payload.buffer, 0, payload.length / 8) };
}
