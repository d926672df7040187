// How observations become network inputs. Frames stay uint8 end to end (the network divides by 255 on the
// device), everything else becomes float32: Box flattened, Discrete one-hot, Tuple items concatenated.
// Images are Box uint8 observations of rank 3, channels first ([C, H, W], frame stacks as channels).

import { Box, Discrete, type Native, type Space, Tuple } from '../../../proto/spaces.js';

export interface Encoding {
  /** Network input shape of one observation. */
  shape: number[];
  dtype: 'float32' | 'uint8';
  encode(obs: Native): Float32Array | Uint8Array;
}

export function isImage(space: Space): boolean {
  return space instanceof Box && space.dtype === 'uint8' && space.shape.length === 3;
}

/** `items` picks which members of a Tuple observation to use (all by default). */
export function encodingFor(space: Space, items?: readonly number[]): Encoding {
  if (isImage(space)) {
    const box = space as Box;
    return { shape: [...box.shape], dtype: 'uint8', encode: (obs) => obs as Uint8Array };
  }
  const parts = flatParts(space, items);
  const size = parts.reduce((s, p) => s + p.size, 0);
  return {
    shape: [size],
    dtype: 'float32',
    encode(obs) {
      const out = new Float32Array(size);
      let offset = 0;
      for (const p of parts) {
        p.write(p.pick(obs), out, offset);
        offset += p.size;
      }
      return out;
    },
  };
}

interface Part {
  size: number;
  pick(obs: Native): Native;
  write(x: Native, out: Float32Array, offset: number): void;
}

function flatParts(space: Space, items?: readonly number[]): Part[] {
  if (space instanceof Tuple) {
    const chosen = items ?? space.spaces.map((_, i) => i);
    return chosen.flatMap((i) => {
      if (!(i >= 0 && i < space.spaces.length)) throw new RangeError(`observation item ${i} does not exist in ${space}`);
      return flatParts(space.spaces[i]).map((p) => ({ ...p, pick: (obs: Native) => p.pick((obs as Native[])[i]) }));
    });
  }
  if (items) throw new TypeError(`observation items ${JSON.stringify(items)} were chosen, but ${space} is not a Tuple`);
  if (space instanceof Discrete) {
    return [{ size: space.n, pick: (o) => o, write: (x, out, off) => void (out[off + (x as number) - space.start] = 1) }];
  }
  if (space instanceof Box) {
    const n = space.shape.reduce((a, b) => a * b, 1);
    return [{ size: n, pick: (o) => o, write: (x, out, off) => out.set(x as ArrayLike<number> as Float32Array, off) }];
  }
  throw new TypeError(`agents cannot encode ${space} observations (supported: Box, Discrete, Tuple of those)`);
}
