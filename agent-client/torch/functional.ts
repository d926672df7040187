// Operations over several tensors.
import { native } from './native.js';
import { Tensor, type Operand } from './tensor.js';

function handles(ts: readonly Tensor[], what: string) {
  if (ts.length === 0) throw new RangeError(`${what} needs at least one tensor`);
  return ts.map((t) => t.handle);
}

export function cat(ts: readonly Tensor[], dim = 0): Tensor {
  return new Tensor(native.cat(handles(ts, 'cat'), dim));
}

export function stack(ts: readonly Tensor[], dim = 0): Tensor {
  return new Tensor(native.stack(handles(ts, 'stack'), dim));
}

/** Elementwise choice: a where cond is true, b elsewhere (either may be a number). */
export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  const tensors = (a instanceof Tensor ? 1 : 0) | (b instanceof Tensor ? 2 : 0);
  return new Tensor(native.where(cond.handle, a instanceof Tensor ? a.handle : a, b instanceof Tensor ? b.handle : b, tensors));
}

/** Q and R of the reduced QR decomposition of a matrix. */
export function qr(a: Tensor): { q: Tensor; r: Tensor } {
  const [q, r] = native.qr(a.handle);
  return { q: new Tensor(q), r: new Tensor(r) };
}

export function diagonal(a: Tensor): Tensor {
  return new Tensor(native.diagonal(a.handle));
}
