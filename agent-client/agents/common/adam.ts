// Adam (Kingma & Ba 2015) written over the engine's public tensor ops, because agents checkpoint their optimiser
// and the engine's Adam keeps its moments in native slots it does not expose. Moments live as kept tensors on the
// parameters' device, so a checkpoint holds them next to the weights.

import * as torch from '../../torch/index.js';
import { required } from './checkpoint.js';

export interface AdamConfig {
  lr: number;
  betas: [number, number];
  eps: number;
}

export class Adam {
  private readonly params: torch.Tensor[];
  private readonly m: torch.Tensor[];
  private readonly v: torch.Tensor[];
  private t = 0;

  constructor(
    private readonly modules: torch.nn.Module[],
    readonly config: AdamConfig,
  ) {
    this.params = modules.flatMap((m) => m.parameters());
    if (!(config.lr > 0)) throw new RangeError(`Adam lr must be > 0, got ${config.lr}`);
    this.m = this.params.map((p) => torch.keep(torch.zerosLike(p)));
    this.v = this.params.map((p) => torch.keep(torch.zerosLike(p)));
  }

  zeroGrad(): void {
    for (const m of this.modules) m.zeroGrad();
  }

  step(): void {
    this.t++;
    const [b1, b2] = this.config.betas;
    const c1 = 1 - b1 ** this.t;
    const c2 = Math.sqrt(1 - b2 ** this.t);
    torch.tidy(() =>
      torch.noGrad(() => {
        this.params.forEach((p, i) => {
          const g = p.grad;
          if (!g) return;
          this.m[i].copy_(this.m[i].mul(b1).add(g.mul(1 - b1)));
          this.v[i].copy_(this.v[i].mul(b2).add(g.mul(g).mul(1 - b2)));
          const denom = this.v[i].sqrt().div(c2).add(this.config.eps);
          p.copy_(p.sub(this.m[i].div(denom).mul(this.config.lr / c1)));
        });
      }),
    );
  }

  /** Moments by parameter position, for the checkpoint's safetensors file. */
  stateTensors(prefix: string): Record<string, torch.Tensor> {
    const out: Record<string, torch.Tensor> = {};
    this.m.forEach((t, i) => (out[`${prefix}m.${i}`] = t));
    this.v.forEach((t, i) => (out[`${prefix}v.${i}`] = t));
    return out;
  }

  get steps(): number {
    return this.t;
  }

  load(tensors: Record<string, torch.Tensor>, prefix: string, steps: number): void {
    torch.noGrad(() => {
      this.m.forEach((t, i) => t.copy_(required(tensors, `${prefix}m.${i}`)));
      this.v.forEach((t, i) => t.copy_(required(tensors, `${prefix}v.${i}`)));
    });
    this.t = steps;
  }
}
