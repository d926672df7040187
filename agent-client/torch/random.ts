// Random tensors. Without a generator they draw from libtorch's global one (seeded by manualSeed); a Generator
// gives an independent, reproducible stream (CPU tensors).
import { native, type GeneratorHandle } from './native.js';
import { type DType, checkDType } from './dtype.js';
import { resolveDevice } from './device.js';
import { Tensor } from './tensor.js';
import type { TensorOptions } from './creation.js';

export class Generator {
  /** @internal */ readonly handle: GeneratorHandle;
  constructor(seed: number | bigint) {
    this.handle = native.newGenerator(seed);
  }
}

export interface RandomOptions extends TensorOptions {
  generator?: Generator;
}

/** Seeds libtorch's global generators (CPU and, where present, CUDA). */
export function manualSeed(seed: number | bigint): void {
  native.manualSeed(seed);
}

function args(options: RandomOptions, defaultDType: DType): [string, string, GeneratorHandle | null] {
  return [checkDType(options.dtype ?? defaultDType), resolveDevice(options.device ?? 'cpu'), options.generator?.handle ?? null];
}

function finish(t: Tensor, options: RandomOptions): Tensor {
  if (options.requiresGrad) t.requiresGrad = true;
  return t;
}

/** Uniform on [0, 1). */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  return finish(new Tensor(native.rand([...shape], ...args(options, 'float32'))), options);
}

/** Standard normal. */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  return finish(new Tensor(native.randn([...shape], ...args(options, 'float32'))), options);
}

/** Uniform on [low, high). */
export function uniform(shape: readonly number[], low: number, high: number, options: RandomOptions = {}): Tensor {
  const [dtype, device, gen] = args(options, 'float32');
  const t = new Tensor(native.full([...shape], 0, dtype, device));
  native.uniform_(t.handle, low, high, gen);
  return finish(t, options);
}

/** Normal with the given mean and standard deviation. */
export function normal(shape: readonly number[], mean: number, std: number, options: RandomOptions = {}): Tensor {
  const [dtype, device, gen] = args(options, 'float32');
  const t = new Tensor(native.full([...shape], 0, dtype, device));
  native.normal_(t.handle, mean, std, gen);
  return finish(t, options);
}

/** Integers uniform on [low, high), int64 unless given. */
export function randint(low: number, high: number, shape: readonly number[], options: RandomOptions = {}): Tensor {
  if (!(high > low)) throw new RangeError(`randint needs low < high, got [${low}, ${high})`);
  return new Tensor(native.randint(low, high, [...shape], ...args(options, 'int64')));
}

/** Draws n category indices per row of a (batch of) non-negative weight vectors. */
export function multinomial(probs: Tensor, n: number, options: { replacement?: boolean; generator?: Generator } = {}): Tensor {
  return new Tensor(native.multinomial(probs.handle, n, options.replacement ?? false, options.generator?.handle ?? null));
}

/** Fills t in place from U(low, high), without recording autograd history. */
export function uniform_(t: Tensor, low = 0, high = 1, generator?: Generator): Tensor {
  native.uniform_(t.handle, low, high, generator?.handle ?? null);
  return t;
}

/** Fills t in place from N(mean, std²), without recording autograd history. */
export function normal_(t: Tensor, mean = 0, std = 1, generator?: Generator): Tensor {
  native.normal_(t.handle, mean, std, generator?.handle ?? null);
  return t;
}
