// Loads the libtorch addon and describes its functions. Everything here takes and returns opaque handles; the
// typed API in tensor.ts and friends is what the rest of the code uses.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const handleBrand: unique symbol;
/** A libtorch tensor owned by the addon: a slot number plus generation, valid until disposed. */
export type Handle = number & { readonly [handleBrand]: true };
declare const generatorBrand: unique symbol;
export type GeneratorHandle = { readonly [generatorBrand]: true };

type Reduction = 'mean' | 'sum' | 'none';
type Slots = (Handle | null)[];

export interface Native {
  version(): string;
  fromBytes(data: ArrayBufferView, dtype: string, shape: number[], device: string): Handle;
  toBytes(t: Handle): ArrayBuffer;
  item(t: Handle): number;
  full(shape: number[], value: number | boolean, dtype: string, device: string): Handle;
  arange(start: number, end: number, step: number, dtype: string, device: string): Handle;
  rand(shape: number[], dtype: string, device: string, gen: GeneratorHandle | null): Handle;
  randn(shape: number[], dtype: string, device: string, gen: GeneratorHandle | null): Handle;
  randint(low: number, high: number, shape: number[], dtype: string, device: string, gen: GeneratorHandle | null): Handle;
  multinomial(probs: Handle, n: number, replacement: boolean, gen: GeneratorHandle | null): Handle;
  uniform_(t: Handle, low: number, high: number, gen: GeneratorHandle | null): void;
  normal_(t: Handle, mean: number, std: number, gen: GeneratorHandle | null): void;
  copy_(dst: Handle, src: Handle): void;
  fill_(t: Handle, value: number): void;
  newGenerator(seed: number | bigint): GeneratorHandle;
  dispose(t: Handle): void;
  isDisposed(t: Handle): boolean;
  shape(t: Handle): number[];
  dtype(t: Handle): string;
  device(t: Handle): string;
  to(t: Handle, device: string | null, dtype: string | null): Handle;
  requiresGrad(t: Handle): boolean;
  setRequiresGrad(t: Handle, on: boolean): void;
  grad(t: Handle): Handle | null;
  backward(t: Handle, gradient: Handle | null, retainGraph: boolean): void;
  setGradEnabled(on: boolean): boolean;
  setNumThreads(n: number): void;
  getNumThreads(): number;
  manualSeed(seed: number | bigint): void;
  cudaIsAvailable(): boolean;
  cudaDeviceCount(): number;
  memoryStats(): { handles: number; cpuBytes: number };

  neg(t: Handle): Handle;
  exp(t: Handle): Handle;
  log(t: Handle): Handle;
  sqrt(t: Handle): Handle;
  abs(t: Handle): Handle;
  tanh(t: Handle): Handle;
  sigmoid(t: Handle): Handle;
  relu(t: Handle): Handle;
  sign(t: Handle): Handle;
  leakyRelu(t: Handle, slope: number): Handle;
  softmax(t: Handle, dim: number): Handle;
  logSoftmax(t: Handle, dim: number): Handle;
  detach(t: Handle): Handle;
  clone(t: Handle): Handle;
  contiguous(t: Handle): Handle;
  view(t: Handle, shape: number[]): Handle;
  reshape(t: Handle, shape: number[]): Handle;
  expand(t: Handle, shape: number[]): Handle;
  permute(t: Handle, dims: number[]): Handle;
  transpose(t: Handle, dim0: number, dim1: number): Handle;
  flatten(t: Handle, start: number, end: number): Handle;
  unsqueeze(t: Handle, dim: number): Handle;
  squeeze(t: Handle, dim: number | null): Handle;
  select(t: Handle, dim: number, index: number): Handle;
  slice(t: Handle, dim: number, start: number, end: number, step: number): Handle;
  index(t: Handle, index: Handle): Handle;
  indexSelect(t: Handle, dim: number, index: Handle): Handle;
  gather(t: Handle, dim: number, index: Handle): Handle;
  scatter(t: Handle, dim: number, index: Handle, src: Handle): Handle;
  scatterScalar(t: Handle, dim: number, index: Handle, value: number): Handle;
  matmul(a: Handle, b: Handle): Handle;
  diagonal(t: Handle): Handle;
  maxAll(t: Handle): Handle;
  minAll(t: Handle): Handle;
  argmax(t: Handle, dim: number | null, keepdim: boolean): Handle;
  argmin(t: Handle, dim: number | null, keepdim: boolean): Handle;
  clamp(t: Handle, min: number | null, max: number | null): Handle;
  add(a: Handle, b: Handle): Handle;
  addScalar(a: Handle, b: number | boolean): Handle;
  sub(a: Handle, b: Handle): Handle;
  subScalar(a: Handle, b: number | boolean): Handle;
  mul(a: Handle, b: Handle): Handle;
  mulScalar(a: Handle, b: number | boolean): Handle;
  div(a: Handle, b: Handle): Handle;
  divScalar(a: Handle, b: number | boolean): Handle;
  pow(a: Handle, b: Handle): Handle;
  powScalar(a: Handle, b: number | boolean): Handle;
  remainder(a: Handle, b: Handle): Handle;
  remainderScalar(a: Handle, b: number | boolean): Handle;
  eq(a: Handle, b: Handle): Handle;
  eqScalar(a: Handle, b: number | boolean): Handle;
  ne(a: Handle, b: Handle): Handle;
  neScalar(a: Handle, b: number | boolean): Handle;
  gt(a: Handle, b: Handle): Handle;
  gtScalar(a: Handle, b: number | boolean): Handle;
  lt(a: Handle, b: Handle): Handle;
  ltScalar(a: Handle, b: number | boolean): Handle;
  ge(a: Handle, b: Handle): Handle;
  geScalar(a: Handle, b: number | boolean): Handle;
  le(a: Handle, b: Handle): Handle;
  leScalar(a: Handle, b: number | boolean): Handle;
  maximum(a: Handle, b: Handle): Handle;
  minimum(a: Handle, b: Handle): Handle;
  sum(t: Handle, dims: number[] | null, keepdim: boolean): Handle;
  mean(t: Handle, dims: number[] | null, keepdim: boolean): Handle;
  maxDim(t: Handle, dim: number, keepdim: boolean): [Handle, Handle];
  minDim(t: Handle, dim: number, keepdim: boolean): [Handle, Handle];
  /** Bit 0 of `tensors` marks a as a handle, bit 1 marks b. */
  where(cond: Handle, a: number | boolean, b: number | boolean, tensors: number): Handle;
  cat(ts: Handle[], dim: number): Handle;
  stack(ts: Handle[], dim: number): Handle;
  qr(t: Handle): [Handle, Handle];

  linear(x: Handle, weight: Handle, bias: Handle | null): Handle;
  conv2d(x: Handle, weight: Handle, bias: Handle | null, stride: number[], padding: number[]): Handle;
  mseLoss(input: Handle, target: Handle, reduction: Reduction): Handle;
  huberLoss(input: Handle, target: Handle, reduction: Reduction, delta: number): Handle;
  smoothL1Loss(input: Handle, target: Handle, reduction: Reduction, beta: number): Handle;
  crossEntropy(logits: Handle, target: Handle, reduction: Reduction, labelSmoothing: number): Handle;
  adamStep(params: Handle[], expAvg: Slots, expAvgSq: Slots, steps: (number | null)[], lr: number, beta1: number,
    beta2: number, eps: number, weightDecay: number): void;
  rmspropStep(params: Handle[], squareAvg: Slots, gradAvg: Slots | null, momentumBuf: Slots | null, lr: number,
    alpha: number, eps: number, weightDecay: number, momentum: number): void;
  sgdStep(params: Handle[], momentumBuf: Slots | null, lr: number, momentum: number, dampening: number,
    weightDecay: number, nesterov: boolean): void;
  clipGradNorm(params: Handle[], maxNorm: number, normType: number): number;
  zeroGrad(params: Handle[]): void;
}

// The addon is built in the source tree (agent-client/torch/build) and this file runs from
// dist/agent-client/torch, so look in both places relative to here.
function addonPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'build', 'Release', 'stadium_torch.node'),
    resolve(here, '..', '..', '..', 'agent-client', 'torch', 'build', 'Release', 'stadium_torch.node'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`the libtorch addon is not built (looked for ${candidates.join(', ')}); run 'npm run build:native'`);
  }
  return found;
}

export const native: Native = createRequire(import.meta.url)(addonPath()) as Native;
