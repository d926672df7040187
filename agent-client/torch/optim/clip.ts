// Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';

/** Rescales all gradients together so their joint norm is at most maxNorm; returns the norm before clipping. */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number, normType = 2): number {
  if (!(maxNorm > 0)) throw new RangeError(`maxNorm must be > 0, got ${maxNorm}`);
  if (!(normType > 0)) throw new RangeError(`normType must be > 0 (Infinity for the max norm), got ${normType}`);
  return native.clipGradNorm([...params].map((p) => p.handle), maxNorm, normType);
}
