// Adam (Kingma & Ba) with bias correction and optional L2 weight decay, as torch.optim.Adam.
import { Tensor } from '../tensor.js';
import { tensor } from '../creation.js';
import { native } from '../native.js';
import { Optimizer, checkRange, type OptimizerState } from './optimizer.js';

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
  private readonly expAvg = this.newSlots('exp_avg');
  private readonly expAvgSq = this.newSlots('exp_avg_sq');
  // Each parameter's own step count drives its bias correction (a parameter may skip steps without a gradient).
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

  /** The moments plus `<index>.step`, each parameter's step count as an int64 scalar. */
  override stateDict(): OptimizerState {
    const out = super.stateDict();
    this.steps.forEach((s, i) => {
      if (s !== null) out[`${i}.step`] = tensor(BigInt64Array.of(BigInt(s)), { shape: [] });
    });
    return out;
  }

  override loadStateDict(state: OptimizerState): void {
    const moments: OptimizerState = {};
    const steps: (number | null)[] = this.params.map(() => null);
    for (const [key, t] of Object.entries(state)) {
      if (!key.endsWith('.step')) moments[key] = t;
      else steps[this.splitKey(key, ['step'])[0]] = t.item();
    }
    steps.forEach((s, i) => {
      const present = [s !== null, `${i}.exp_avg` in moments, `${i}.exp_avg_sq` in moments].filter(Boolean).length;
      if (present !== 0 && present !== 3) {
        throw new Error(`optimiser state for parameter ${i} must have all of step, exp_avg and exp_avg_sq, or none`);
      }
    });
    super.loadStateDict(moments);
    steps.forEach((s, i) => (this.steps[i] = s));
  }
}
