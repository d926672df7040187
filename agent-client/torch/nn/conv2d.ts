// 2-d convolution over NCHW input, initialised like torch.nn.Conv2d.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';
import { zeros, type TensorOptions } from '../creation.js';
import { Module } from './module.js';
import { kaimingUniform_, uniform_ } from './init.js';

type Pair = number | [number, number];

function pair(v: Pair, what: string, min: number): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : v;
  if (!p.every((x) => Number.isInteger(x) && x >= min)) throw new RangeError(`Conv2d ${what} must be integers >= ${min}, got ${v}`);
  return p;
}

export interface Conv2dOptions extends Pick<TensorOptions, 'dtype' | 'device'> {
  stride?: Pair;
  padding?: Pair;
  bias?: boolean;
}

export class Conv2d extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly stride: [number, number];
  readonly padding: [number, number];

  constructor(readonly inChannels: number, readonly outChannels: number, kernelSize: Pair, options: Conv2dOptions = {}) {
    super();
    const [kh, kw] = pair(kernelSize, 'kernelSize', 1);
    pair([inChannels, outChannels], 'channel counts', 1);
    this.stride = pair(options.stride ?? 1, 'stride', 1);
    this.padding = pair(options.padding ?? 0, 'padding', 0);
    const opts = { dtype: options.dtype, device: options.device };
    this.weight = this.registerParameter('weight', kaimingUniform_(zeros([outChannels, inChannels, kh, kw], opts), Math.sqrt(5)));
    const bound = 1 / Math.sqrt(inChannels * kh * kw);
    this.bias = options.bias === false ? null : this.registerParameter('bias', uniform_(zeros([outChannels], opts), -bound, bound));
  }

  forward(x: Tensor): Tensor {
    return new Tensor(native.conv2d(x.handle, this.weight.handle, this.bias ? this.bias.handle : null, this.stride, this.padding));
  }
}
