// Action spaces as agents see them. Discrete spaces are used as they are. Parameterised spaces
// (Tuple(Discrete(K), Tuple(Box, …)), one Box of parameters per discrete action, as in Platform-v0) are either
// handed whole to P-DQN or discretised into K × bins^d actions for the DQN baseline.

import { Box, Discrete, type Native, type Space, Tuple } from '../../../proto/spaces.js';

export interface ParameterisedSpace {
  kinds: number;
  /** Per discrete action: its parameter Box bounds. */
  low: Float64Array[];
  high: Float64Array[];
  /** Offsets of each action's parameters in the concatenated parameter vector, and its total size. */
  offsets: number[];
  size: number;
  /** The env's action for kind k with all parameters (concatenated). */
  toEnv(kind: number, params: ArrayLike<number>): Native;
  /** Maps concatenated parameters from [-1, 1] onto their Boxes' bounds. */
  fromUnit(u: ArrayLike<number>): Float64Array;
}

export function parameterised(space: Space): ParameterisedSpace | null {
  if (!(space instanceof Tuple) || space.spaces.length !== 2) return null;
  const [kinds, params] = space.spaces;
  if (!(kinds instanceof Discrete) || !(params instanceof Tuple) || params.spaces.length !== kinds.n) return null;
  if (!params.spaces.every((b) => b instanceof Box && b.dtype.startsWith('float') && b.shape.length === 1)) return null;
  const boxes = params.spaces as Box[];
  const offsets: number[] = [];
  let size = 0;
  for (const b of boxes) {
    offsets.push(size);
    size += b.shape[0];
  }
  const lowAll = Float64Array.from(boxes.flatMap((b) => [...b.low]));
  const highAll = Float64Array.from(boxes.flatMap((b) => [...b.high]));
  return {
    kinds: kinds.n,
    fromUnit: (u) => Float64Array.from({ length: size }, (_, i) => lowAll[i] + ((u[i] + 1) / 2) * (highAll[i] - lowAll[i])),
    low: boxes.map((b) => b.low),
    high: boxes.map((b) => b.high),
    offsets,
    size,
    toEnv(kind, p) {
      const parts = boxes.map((b, i) => {
        const out = b.dtype === 'float64' ? new Float64Array(b.shape[0]) : new Float32Array(b.shape[0]);
        for (let j = 0; j < out.length; j++) out[j] = Math.min(Math.max(p[offsets[i] + j], b.low[j]), b.high[j]);
        return out;
      });
      return [kind + kinds.start, parts];
    },
  };
}

export interface DiscreteActions {
  n: number;
  toEnv(i: number): Native;
  /** The index of an env action this set produced. */
  fromEnv(a: Native): number;
}

/** Discrete spaces as they are; parameterised ones as K × bins^d fixed actions (bins evenly spaced, ends included). */
export function discreteActions(space: Space, bins: number): DiscreteActions {
  if (space instanceof Discrete) return { n: space.n, toEnv: (i) => i + space.start, fromEnv: (a) => (a as number) - space.start };
  const p = parameterised(space);
  if (!p) throw new TypeError(`agents cannot act in ${space} (supported: Discrete, or Tuple(Discrete(K), Tuple of K float Boxes))`);
  const table: { kind: number; params: Float64Array }[] = [];
  for (let k = 0; k < p.kinds; k++) {
    const d = p.low[k].length;
    for (let combo = 0; combo < bins ** d; combo++) {
      const params = new Float64Array(p.size);
      for (let j = 0, c = combo; j < d; j++, c = Math.floor(c / bins)) {
        const frac = bins === 1 ? 0.5 : (c % bins) / (bins - 1);
        params[p.offsets[k] + j] = p.low[k][j] + frac * (p.high[k][j] - p.low[k][j]);
      }
      table.push({ kind: k, params });
    }
  }
  const actions = table.map((t) => p.toEnv(t.kind, t.params));
  const key = (a: Native) => JSON.stringify(a, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v));
  const index = new Map(actions.map((a, i) => [key(a), i]));
  const fromEnv = (a: Native) => {
    const i = index.get(key(a));
    if (i === undefined) throw new RangeError(`action ${key(a)} is not one of the ${actions.length} discretised actions`);
    return i;
  };
  return { n: table.length, toEnv: (i) => actions[i], fromEnv };
}
