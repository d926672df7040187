// Fully connected layer y = x·Wᵀ + b, initialised like torch.nn.Linear.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';
import { zeros, type TensorOptions } from '../creation.js';
import { Module } from './module.js';
import { kaimingUniform_, uniform_ } from './init.js';

export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: { bias?: boolean } & Pick<TensorOptions, 'dtype' | 'device'> = {},
  ) {
    super();
    for (const [what, n] of [['inFeatures', inFeatures], ['outFeatures', outFeatures]] as const) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`Linear ${what} must be an integer >= 1, got ${n}`);
    }
    const opts = { dtype: options.dtype, device: options.device };
    this.weight = this.registerParameter('weight', kaimingUniform_(zeros([outFeatures, inFeatures], opts), Math.sqrt(5)));
    const bound = 1 / Math.sqrt(inFeatures);
    this.bias = options.bias === false ? null : this.registerParameter('bias', uniform_(zeros([outFeatures], opts), -bound, bound));
  }

  forward(x: Tensor): Tensor {
    return new Tensor(native.linear(x.handle, this.weight.handle, this.bias ? this.bias.handle : null));
  }
}
