// A chain of modules; children are named "0", "1", … as in PyTorch.
import { Tensor } from '../tensor.js';
import { Module } from './module.js';

export class Sequential extends Module {
  readonly layers: readonly Module[];

  constructor(...layers: Module[]) {
    super();
    layers.forEach((m, i) => this.registerModule(String(i), m));
    this.layers = layers;
  }

  /** Intermediate activations are disposed as soon as the next layer has consumed them (autograd keeps what it needs). */
  forward(x: Tensor): Tensor {
    let out = x;
    for (const layer of this.layers) {
      const next = layer.forward(out);
      if (out !== x && out !== next && !out.kept) out.dispose();
      out = next;
    }
    return out;
  }
}
