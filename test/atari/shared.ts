// The real ROMs in <repo>/../shared/roms, for tests only: tests that need them skip, naming the path, when absent.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from '../../env-server/registry.js';
import { atariEnvs } from '../../env-server/envs/atari/registry.js';
import { RomStore } from '../../env-server/roms/rom-store.js';

// Compiled to dist/test/atari/, three levels below the repo root.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED_ROMS = resolve(REPO, '..', 'shared', 'roms');
export const romSkip: string | false = existsSync(`${SHARED_ROMS}/pong.bin`) ? false : `ROMs not found in ${SHARED_ROMS} (../shared is absent)`;

/** A registry of the Atari ids over `romDir`, blind to any installed ale-py (pool workers rebuild it the same way). */
export function atariRegistry(romDir = SHARED_ROMS): Registry {
  return new Registry({ module: import.meta.url, export: 'atariRegistry', args: [romDir] }).register(...atariEnvs(new RomStore(romDir, () => [])));
}

/** FNV-1a 32 as lowercase hex, the hash the ALE reference traces use. */
export function fnv1a(bytes: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The 8-bit LCG the resize fixtures were generated with (top byte of x = 1103515245x + 12345 mod 2^32, x0 = 12345). */
export function lcgBytes(n: number): Uint8Array {
  let s = 12345;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Area-weighted mean of each destination cell, integrated directly in float64 (slow and obviously correct). */
export function areaMean(src: ArrayLike<number>, w: number, h: number, dw: number, dh: number, channels = 1): Float64Array {
  const out = new Float64Array(dw * dh * channels);
  const cw = w / dw;
  const ch = h / dh;
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  for (let dy = 0; dy < dh; dy++) {
    for (let dx = 0; dx < dw; dx++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let y = Math.floor(dy * ch); y < Math.min(h, Math.ceil((dy + 1) * ch)); y++) {
          const wy = overlap(y, y + 1, dy * ch, (dy + 1) * ch);
          for (let x = Math.floor(dx * cw); x < Math.min(w, Math.ceil((dx + 1) * cw)); x++) {
            sum += wy * overlap(x, x + 1, dx * cw, (dx + 1) * cw) * src[(y * w + x) * channels + c];
          }
        }
        out[(dy * dw + dx) * channels + c] = sum / (cw * ch);
      }
    }
  }
  return out;
}
