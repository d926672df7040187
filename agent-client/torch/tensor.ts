// The Tensor class: a thin typed wrapper over a libtorch tensor handle. Method names and semantics follow
// PyTorch's; each method is one N-API call.
import { native, type Handle } from './native.js';
import { type DType, type TypedArrayOf, checkDType, viewBytes } from './dtype.js';
import { type Device, type DeviceSpec, resolveDevice } from './device.js';
import { track } from './scope.js';

export type Operand = Tensor | number | boolean;

type TensorOp = (a: Handle, b: Handle) => Handle;
type ScalarOp = (a: Handle, b: number | boolean) => Handle;

// Frees tensors that escaped every tidy() scope and were never disposed, once they are garbage.
const registry = new FinalizationRegistry<Handle>((h) => native.dispose(h));

function shapeArgs(args: (number | number[])[]): number[] {
  return args.length === 1 && Array.isArray(args[0]) ? args[0] : (args as number[]);
}

const INT64_MAX = Number.MAX_SAFE_INTEGER;

export class Tensor {
  kept = false;
  private registered = false;

  /** @internal Use the factory functions (tensor, zeros, rand…) rather than this constructor. */
  constructor(public handle: Handle) {
    if (!track(this)) this.escape();
  }

  /** @internal Called when no scope owns the tensor any more: from then on the GC is its safety net. */
  escape(): void {
    if (this.registered) return;
    registry.register(this, this.handle, this);
    this.registered = true;
  }

  private binary(tensorOp: TensorOp, scalarOp: ScalarOp, other: Operand): Tensor {
    return new Tensor(other instanceof Tensor ? tensorOp(this.handle, other.handle) : scalarOp(this.handle, other));
  }

  get shape(): number[] {
    return native.shape(this.handle);
  }
  get dtype(): DType {
    return native.dtype(this.handle) as DType;
  }
  get device(): Device {
    return native.device(this.handle) as Device;
  }
  get ndim(): number {
    return this.shape.length;
  }
  get numel(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }
  size(dim: number): number {
    const shape = this.shape;
    const d = dim < 0 ? dim + shape.length : dim;
    if (d < 0 || d >= shape.length) throw new RangeError(`dimension ${dim} is out of range for a ${shape.length}-d tensor`);
    return shape[d];
  }

  /** Frees the native memory now; using the tensor afterwards throws. Disposing twice is harmless. */
  dispose(): void {
    native.dispose(this.handle);
    if (this.registered) {
      registry.unregister(this);
      this.registered = false;
    }
  }
  get isDisposed(): boolean {
    return native.isDisposed(this.handle);
  }

  /** @internal Swaps the native tensor behind this object, keeping its identity (Module.to relies on it). */
  replaceWith(handle: Handle): void {
    const registered = this.registered;
    this.dispose();
    this.handle = handle;
    if (registered) this.escape();
  }

  // --- data out ---
  /** A copy of the elements in row-major order, in the typed array matching the dtype (int64 → BigInt64Array). */
  data<D extends DType = DType>(): TypedArrayOf[D] {
    return viewBytes(this.dtype as D, native.toBytes(this.handle));
  }
  /** The elements as plain numbers (int64 values beyond 2^53 lose precision). */
  toArray(): number[] {
    const dtype = this.dtype;
    if (dtype === 'float16' || dtype === 'bfloat16') {
      const widened = native.to(this.handle, null, 'float32');
      try {
        return Array.from(viewBytes('float32', native.toBytes(widened)));
      } finally {
        native.dispose(widened);
      }
    }
    return Array.from(this.data() as ArrayLike<number | bigint>, Number);
  }
  item(): number {
    return native.item(this.handle);
  }
  toString(): string {
    return `Tensor(shape=[${this.shape}], dtype=${this.dtype}, device=${this.device})`;
  }

  // --- device, dtype, autograd ---
  to(target: DeviceSpec | DType | { device?: DeviceSpec; dtype?: DType }): Tensor {
    let device: string | null = null;
    let dtype: string | null = null;
    if (typeof target === 'string') {
      if (target === 'auto' || target === 'cpu' || target.startsWith('cuda')) device = resolveDevice(target);
      else dtype = checkDType(target);
    } else {
      device = target.device ? resolveDevice(target.device) : null;
      dtype = target.dtype ? checkDType(target.dtype) : null;
    }
    return new Tensor(native.to(this.handle, device, dtype));
  }
  cpu(): Tensor {
    return this.to('cpu');
  }
  float(): Tensor {
    return this.to('float32');
  }
  long(): Tensor {
    return this.to('int64');
  }
  get requiresGrad(): boolean {
    return native.requiresGrad(this.handle);
  }
  set requiresGrad(on: boolean) {
    native.setRequiresGrad(this.handle, on);
  }
  requiresGrad_(on = true): this {
    native.setRequiresGrad(this.handle, on);
    return this;
  }
  /** The accumulated gradient (a new wrapper over it each time), or null before backward(). */
  get grad(): Tensor | null {
    const g = native.grad(this.handle);
    return g ? new Tensor(g) : null;
  }
  backward(gradient?: Tensor, options: { retainGraph?: boolean } = {}): void {
    native.backward(this.handle, gradient ? gradient.handle : null, options.retainGraph ?? false);
  }
  detach(): Tensor {
    return new Tensor(native.detach(this.handle));
  }
  clone(): Tensor {
    return new Tensor(native.clone(this.handle));
  }
  contiguous(): Tensor {
    return new Tensor(native.contiguous(this.handle));
  }

  // --- in-place (no autograd history; for initialisation and target networks) ---
  copy_(src: Tensor): this {
    native.copy_(this.handle, src.handle);
    return this;
  }
  fill_(value: number): this {
    native.fill_(this.handle, value);
    return this;
  }

  // --- views ---
  view(...shape: (number | number[])[]): Tensor {
    return new Tensor(native.view(this.handle, shapeArgs(shape)));
  }
  reshape(...shape: (number | number[])[]): Tensor {
    return new Tensor(native.reshape(this.handle, shapeArgs(shape)));
  }
  expand(...shape: (number | number[])[]): Tensor {
    return new Tensor(native.expand(this.handle, shapeArgs(shape)));
  }
  permute(...dims: (number | number[])[]): Tensor {
    return new Tensor(native.permute(this.handle, shapeArgs(dims)));
  }
  transpose(dim0: number, dim1: number): Tensor {
    return new Tensor(native.transpose(this.handle, dim0, dim1));
  }
  /** Transpose of a 2-d tensor. */
  t(): Tensor {
    return this.transpose(0, 1);
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return new Tensor(native.flatten(this.handle, startDim, endDim));
  }
  unsqueeze(dim: number): Tensor {
    return new Tensor(native.unsqueeze(this.handle, dim));
  }
  squeeze(dim?: number): Tensor {
    return new Tensor(native.squeeze(this.handle, dim ?? null));
  }
  /** t.select(dim, i) is t[..., i, ...] with `dim` removed. */
  select(dim: number, index: number): Tensor {
    return new Tensor(native.select(this.handle, dim, index));
  }
  /** t.slice(dim, start, end, step) is t[..., start:end:step, ...]; negative bounds count from the end. */
  slice(dim: number, start = 0, end = INT64_MAX, step = 1): Tensor {
    return new Tensor(native.slice(this.handle, dim, start, end, step));
  }

  // --- indexing ---
  /** t.index(idx) is t[idx] with an int64 index tensor or a bool mask over the leading dimensions. */
  index(idx: Tensor): Tensor {
    return new Tensor(native.index(this.handle, idx.handle));
  }
  indexSelect(dim: number, idx: Tensor): Tensor {
    return new Tensor(native.indexSelect(this.handle, dim, idx.handle));
  }
  gather(dim: number, idx: Tensor): Tensor {
    return new Tensor(native.gather(this.handle, dim, idx.handle));
  }
  /** Out-of-place scatter: a copy of t with src (a tensor or a number) written at idx along dim. */
  scatter(dim: number, idx: Tensor, src: Tensor | number): Tensor {
    return new Tensor(src instanceof Tensor ? native.scatter(this.handle, dim, idx.handle, src.handle) : native.scatterScalar(this.handle, dim, idx.handle, src));
  }

  // --- arithmetic ---
  add(other: Operand): Tensor {
    return this.binary(native.add, native.addScalar, other);
  }
  sub(other: Operand): Tensor {
    return this.binary(native.sub, native.subScalar, other);
  }
  mul(other: Operand): Tensor {
    return this.binary(native.mul, native.mulScalar, other);
  }
  div(other: Operand): Tensor {
    return this.binary(native.div, native.divScalar, other);
  }
  pow(exponent: Operand): Tensor {
    return this.binary(native.pow, native.powScalar, exponent);
  }
  /** The modulus with the sign of the divisor, as Python's % (torch.remainder). */
  remainder(divisor: Operand): Tensor {
    return this.binary(native.remainder, native.remainderScalar, divisor);
  }
  neg(): Tensor {
    return new Tensor(native.neg(this.handle));
  }
  matmul(other: Tensor): Tensor {
    return new Tensor(native.matmul(this.handle, other.handle));
  }
  maximum(other: Tensor): Tensor {
    return new Tensor(native.maximum(this.handle, other.handle));
  }
  minimum(other: Tensor): Tensor {
    return new Tensor(native.minimum(this.handle, other.handle));
  }
  clamp(min: number | null, max: number | null = null): Tensor {
    return new Tensor(native.clamp(this.handle, min, max));
  }

  // --- elementwise math ---
  exp(): Tensor {
    return new Tensor(native.exp(this.handle));
  }
  log(): Tensor {
    return new Tensor(native.log(this.handle));
  }
  sqrt(): Tensor {
    return new Tensor(native.sqrt(this.handle));
  }
  abs(): Tensor {
    return new Tensor(native.abs(this.handle));
  }
  sign(): Tensor {
    return new Tensor(native.sign(this.handle));
  }
  tanh(): Tensor {
    return new Tensor(native.tanh(this.handle));
  }
  sigmoid(): Tensor {
    return new Tensor(native.sigmoid(this.handle));
  }
  relu(): Tensor {
    return new Tensor(native.relu(this.handle));
  }
  leakyRelu(negativeSlope = 0.01): Tensor {
    return new Tensor(native.leakyRelu(this.handle, negativeSlope));
  }
  softmax(dim: number): Tensor {
    return new Tensor(native.softmax(this.handle, dim));
  }
  logSoftmax(dim: number): Tensor {
    return new Tensor(native.logSoftmax(this.handle, dim));
  }

  // --- comparisons (bool tensors) ---
  eq(other: Operand): Tensor {
    return this.binary(native.eq, native.eqScalar, other);
  }
  ne(other: Operand): Tensor {
    return this.binary(native.ne, native.neScalar, other);
  }
  gt(other: Operand): Tensor {
    return this.binary(native.gt, native.gtScalar, other);
  }
  lt(other: Operand): Tensor {
    return this.binary(native.lt, native.ltScalar, other);
  }
  ge(other: Operand): Tensor {
    return this.binary(native.ge, native.geScalar, other);
  }
  le(other: Operand): Tensor {
    return this.binary(native.le, native.leScalar, other);
  }

  // --- reductions ---
  /** Sum of all elements, or over `dim` (one dimension or several). */
  sum(dim?: number | number[], keepdim = false): Tensor {
    return new Tensor(native.sum(this.handle, dim === undefined ? null : [dim].flat(), keepdim));
  }
  mean(dim?: number | number[], keepdim = false): Tensor {
    return new Tensor(native.mean(this.handle, dim === undefined ? null : [dim].flat(), keepdim));
  }
  /** max() is the largest element; max(dim) gives the largest values along dim and where they are. */
  max(): Tensor;
  max(dim: number, keepdim?: boolean): { values: Tensor; indices: Tensor };
  max(dim?: number, keepdim = false): Tensor | { values: Tensor; indices: Tensor } {
    if (dim === undefined) return new Tensor(native.maxAll(this.handle));
    const [values, indices] = native.maxDim(this.handle, dim, keepdim);
    return { values: new Tensor(values), indices: new Tensor(indices) };
  }
  min(): Tensor;
  min(dim: number, keepdim?: boolean): { values: Tensor; indices: Tensor };
  min(dim?: number, keepdim = false): Tensor | { values: Tensor; indices: Tensor } {
    if (dim === undefined) return new Tensor(native.minAll(this.handle));
    const [values, indices] = native.minDim(this.handle, dim, keepdim);
    return { values: new Tensor(values), indices: new Tensor(indices) };
  }
  /** Index of the largest element (of the flattened tensor when dim is omitted). */
  argmax(dim?: number, keepdim = false): Tensor {
    return new Tensor(native.argmax(this.handle, dim ?? null, keepdim));
  }
  argmin(dim?: number, keepdim = false): Tensor {
    return new Tensor(native.argmin(this.handle, dim ?? null, keepdim));
  }
}
