// Q(s, ·) for every discrete action: a torso, then a linear head or the dueling head of Wang et al. (2016),
// Q = V(s) + A(s, a) − mean_a A(s, a).

import * as torch from '../../torch/index.js';
import { type Torso, mlp } from '../common/networks.js';

const { nn } = torch;

export class QNetwork extends torch.nn.Module {
  private readonly head: torch.nn.Linear | null;
  private readonly value: torch.nn.Sequential | null;
  private readonly advantage: torch.nn.Sequential | null;

  constructor(
    private readonly torso: Torso,
    readonly actions: number,
    dueling: boolean,
    /** Hidden layers of each dueling stream; by default one of the torso's width. */
    duelingHidden: { advantage: number[]; value: number[] } | null = null,
  ) {
    super();
    this.registerModule('torso', torso);
    if (dueling) {
      const f = torso.features;
      const { advantage, value } = duelingHidden ?? { advantage: [f], value: [f] };
      this.value = this.registerModule('value', mlp([f, ...value, 1], false));
      this.advantage = this.registerModule('advantage', mlp([f, ...advantage, actions], false));
      this.head = null;
    } else {
      this.head = this.registerModule('head', new nn.Linear(torso.features, actions));
      this.value = this.advantage = null;
    }
  }

  forward(x: torch.Tensor): torch.Tensor {
    const h = this.torso.forward(x);
    if (this.head) return this.head.forward(h);
    const a = this.advantage!.forward(h);
    return this.value!.forward(h).add(a.sub(a.mean(1, true)));
  }
}

/** Polyak averaging θ' ← τθ + (1−τ)θ' (τ = 1 is a hard copy). */
export function softUpdate(target: torch.nn.Module, online: torch.nn.Module, tau: number): void {
  if (tau >= 1) return target.copyFrom(online);
  torch.tidy(() =>
    torch.noGrad(() => {
      const src = online.stateDict();
      for (const [name, t] of Object.entries(target.stateDict())) t.copy_(t.mul(1 - tau).add(src[name].mul(tau)));
    }),
  );
}
