// Weight initialisers, in place and without autograd history, following the definitions in torch.nn.init.
import { Tensor } from '../tensor.js';
import { tidy } from '../scope.js';
import { noGrad } from '../runtime.js';
import { qr, diagonal } from '../functional.js';
import { Generator, randn, uniform_ } from '../random.js';

export { uniform_, normal_ } from '../random.js';

/** Inputs feeding one output: the second dimension times the kernel size. */
export function fanIn(t: Tensor): number {
  const shape = t.shape;
  if (shape.length < 2) throw new RangeError(`fan-in needs a tensor with at least 2 dimensions, got shape [${shape}]`);
  return shape.slice(1).reduce((a, b) => a * b, 1);
}

/** Kaiming (He) uniform for a leaky-ReLU gain with negative slope a: U(±gain·√(3/fan_in)). */
export function kaimingUniform_(t: Tensor, a = 0, generator?: Generator): Tensor {
  const gain = Math.sqrt(2 / (1 + a * a));
  const bound = gain * Math.sqrt(3 / fanIn(t));
  return uniform_(t, -bound, bound, generator);
}

/** A (semi-)orthogonal matrix from the QR decomposition of a Gaussian one, scaled by gain. */
export function orthogonal_(t: Tensor, gain = 1, generator?: Generator): Tensor {
  const shape = t.shape;
  if (shape.length < 2) throw new RangeError(`orthogonal init needs at least 2 dimensions, got shape [${shape}]`);
  const rows = shape[0];
  const cols = t.numel / rows;
  tidy(() =>
    noGrad(() => {
      const tall = rows < cols;
      const g = randn(tall ? [cols, rows] : [rows, cols], { dtype: t.dtype, generator }).to(t.device);
      const { q, r } = qr(g);
      // Fixing the signs by R's diagonal makes the distribution uniform over orthogonal matrices.
      const fixed = q.mul(diagonal(r).sign());
      t.copy_((tall ? fixed.t() : fixed).reshape(shape).mul(gain));
    }),
  );
  return t;
}

export function constant_(t: Tensor, value: number): Tensor {
  return t.fill_(value);
}

export function zeros_(t: Tensor): Tensor {
  return t.fill_(0);
}
