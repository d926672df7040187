// RMSprop (Hinton), optionally centred and with momentum, as torch.optim.RMSprop.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';
import { Optimizer, checkRange } from './optimizer.js';

export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
}

export class RMSprop extends Optimizer {
  readonly alpha: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly momentum: number;
  private readonly squareAvg = this.newSlots('square_avg');
  private readonly gradAvg;
  private readonly momentumBuf;

  constructor(params: Iterable<Tensor>, options: RMSpropOptions = {}) {
    super(params, options.lr ?? 1e-2);
    this.alpha = checkRange('alpha', options.alpha ?? 0.99, 0, 1);
    this.eps = checkRange('eps', options.eps ?? 1e-8, 0, Infinity);
    this.weightDecay = checkRange('weightDecay', options.weightDecay ?? 0, 0, Infinity);
    this.momentum = checkRange('momentum', options.momentum ?? 0, 0, Infinity);
    this.gradAvg = options.centered ? this.newSlots('grad_avg') : null;
    this.momentumBuf = this.momentum > 0 ? this.newSlots('momentum_buffer') : null;
  }

  step(): void {
    native.rmspropStep(this.handles(), this.squareAvg, this.gradAvg, this.momentumBuf, this.lr, this.alpha, this.eps, this.weightDecay, this.momentum);
  }
}
