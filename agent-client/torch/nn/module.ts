// The base of every layer: named parameters, buffers and submodules, state dicts and device moves, with
// PyTorch's naming ("0.weight", "fc.bias") so checkpoints line up with Python models.
import { Tensor } from '../tensor.js';
import { keep, tidy } from '../scope.js';
import { noGrad } from '../runtime.js';
import { type DeviceSpec, resolveDevice } from '../device.js';
import { native } from '../native.js';

export type StateDict = Record<string, Tensor>;

export abstract class Module {
  private readonly params = new Map<string, Tensor>();
  private readonly buffers = new Map<string, Tensor>();
  private readonly children = new Map<string, Module>();

  abstract forward(x: Tensor): Tensor;

  /** Parameters require grad and outlive tidy() scopes; the module owns them. */
  protected registerParameter(name: string, t: Tensor): Tensor {
    this.checkName(name);
    keep(t).requiresGrad = true;
    this.params.set(name, t);
    return t;
  }

  /** Buffers are state saved with the parameters but not trained (e.g. running statistics). */
  protected registerBuffer(name: string, t: Tensor): Tensor {
    this.checkName(name);
    this.buffers.set(name, keep(t));
    return t;
  }

  protected registerModule<M extends Module>(name: string, m: M): M {
    this.checkName(name);
    this.children.set(name, m);
    return m;
  }

  private checkName(name: string): void {
    if (!name || name.includes('.')) throw new TypeError(`invalid member name '${name}': must be non-empty without '.'`);
    if (this.params.has(name) || this.buffers.has(name) || this.children.has(name)) {
      throw new TypeError(`'${name}' is already registered on this module`);
    }
  }

  namedParameters(prefix = ''): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [n, p] of this.params) out.push([prefix + n, p]);
    for (const [n, m] of this.children) out.push(...m.namedParameters(`${prefix}${n}.`));
    return out;
  }

  namedBuffers(prefix = ''): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [n, b] of this.buffers) out.push([prefix + n, b]);
    for (const [n, m] of this.children) out.push(...m.namedBuffers(`${prefix}${n}.`));
    return out;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Drops the parameters' gradients (set to none, as optimisers do). */
  zeroGrad(): void {
    native.zeroGrad(this.parameters().map((p) => p.handle));
  }

  /** Parameters then buffers by dotted name, as detached tensors sharing the module's memory. */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [n, t] of [...this.namedParameters(), ...this.namedBuffers()]) out[n] = t.detach();
    return out;
  }

  /**
   * Copies values into the existing parameters and buffers (converting device and dtype), so optimisers keep
   * working on the same tensors. With strict (the default) the names must match exactly.
   */
  loadStateDict(state: StateDict, options: { strict?: boolean } = {}): void {
    const own = new Map([...this.namedParameters(), ...this.namedBuffers()]);
    if (options.strict ?? true) {
      const missing = [...own.keys()].filter((k) => !(k in state));
      const unexpected = Object.keys(state).filter((k) => !own.has(k));
      if (missing.length || unexpected.length) {
        throw new Error(`state dict does not match the module: missing [${missing.join(', ')}], unexpected [${unexpected.join(', ')}]`);
      }
    }
    for (const [name, target] of own) {
      const source = state[name];
      if (!source) continue;
      const want = target.shape;
      const got = source.shape;
      if (want.length !== got.length || want.some((d, i) => d !== got[i])) {
        throw new Error(`state dict entry '${name}' has shape [${got}] but the module expects [${want}]`);
      }
    }
    noGrad(() => {
      for (const [name, target] of own) if (state[name]) target.copy_(state[name]);
    });
  }

  /** Makes this module's weights equal to another's of the same architecture (target networks). */
  copyFrom(other: Module): void {
    tidy(() => this.loadStateDict(other.stateDict()));
  }

  /** Moves parameters and buffers to a device in place; build optimisers after moving. */
  to(device: DeviceSpec): this {
    const target = resolveDevice(device);
    noGrad(() => {
      for (const [, p] of this.namedParameters()) {
        if (p.device === target) continue;
        const moved = native.to(p.handle, target, null);
        native.setRequiresGrad(moved, true);
        p.replaceWith(moved);
      }
      for (const [, b] of this.namedBuffers()) if (b.device !== target) b.replaceWith(native.to(b.handle, target, null));
    });
    return this;
  }

  /** Frees every parameter and buffer now. */
  dispose(): void {
    for (const [, t] of [...this.namedParameters(), ...this.namedBuffers()]) t.dispose();
  }
}
