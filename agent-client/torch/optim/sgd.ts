// Stochastic gradient descent with optional (Nesterov) momentum, dampening and weight decay, as torch.optim.SGD.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';
import { Optimizer, checkRange } from './optimizer.js';

export interface SGDOptions {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
}

export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  private readonly momentumBuf;

  constructor(params: Iterable<Tensor>, options: SGDOptions) {
    super(params, options.lr);
    this.momentum = checkRange('momentum', options.momentum ?? 0, 0, Infinity);
    this.dampening = checkRange('dampening', options.dampening ?? 0, 0, Infinity);
    this.weightDecay = checkRange('weightDecay', options.weightDecay ?? 0, 0, Infinity);
    this.nesterov = options.nesterov ?? false;
    if (this.nesterov && (this.momentum === 0 || this.dampening !== 0)) {
      throw new RangeError('Nesterov momentum needs momentum > 0 and dampening = 0');
    }
    this.momentumBuf = this.momentum > 0 ? this.newSlots('momentum_buffer') : null;
  }

  step(): void {
    native.sgdStep(this.handles(), this.momentumBuf, this.lr, this.momentum, this.dampening, this.weightDecay, this.nesterov);
  }
}
