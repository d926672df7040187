// Adam (Kingma & Ba) with bias correction and optional L2 weight decay, as torch.optim.Adam.
import { Tensor } from '../tensor.js';
import { native } from '../native.js';
import { Optimizer, checkRange } from './optimizer.js';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
}

export class Adam extends Optimizer {
  readonly betas: [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  private readonly expAvg = this.newSlots();
  private readonly expAvgSq = this.newSlots();
  private readonly steps: (number | null)[] = this.params.map(() => null);

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options.lr ?? 1e-3);
    const [b1, b2] = options.betas ?? [0.9, 0.999];
    this.betas = [checkRange('beta1', b1, 0, 1), checkRange('beta2', b2, 0, 1)];
    this.eps = checkRange('eps', options.eps ?? 1e-8, 0, Infinity);
    this.weightDecay = checkRange('weightDecay', options.weightDecay ?? 0, 0, Infinity);
  }

  step(): void {
    native.adamStep(this.handles(), this.expAvg, this.expAvgSq, this.steps, this.lr, this.betas[0], this.betas[1], this.eps, this.weightDecay);
  }
}
