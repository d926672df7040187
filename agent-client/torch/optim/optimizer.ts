// What every optimiser shares: the parameter list, zeroGrad, and native per-parameter state slots that live
// until dispose() (outside any tidy scope), which stateDict() exposes so a checkpoint can resume training exactly.
import { Tensor } from '../tensor.js';
import { native, type Handle } from '../native.js';

/** Per-parameter optimiser state, named `<parameter index>.<state>` (as in torch.optim's state_dict()['state']). */
export type OptimizerState = Record<string, Tensor>;

export type Slots = (Handle | null)[];

function disposeSlots(all: Map<string, Slots>): void {
  for (const s of all.values()) {
    for (const [i, h] of s.entries()) {
      if (h !== null) native.dispose(h);
      s[i] = null;
    }
  }
}

// Frees the state of an optimiser that was dropped without dispose().
const registry = new FinalizationRegistry<Map<string, Slots>>(disposeSlots);

export abstract class Optimizer {
  protected readonly params: readonly Tensor[];
  private readonly slots = new Map<string, Slots>();

  constructor(params: Iterable<Tensor>, public lr: number) {
    this.params = [...params];
    if (this.params.length === 0) throw new RangeError('optimiser got an empty parameter list');
    if (!(lr > 0)) throw new RangeError(`learning rate must be > 0, got ${lr}`);
    registry.register(this, this.slots, this);
  }

  /** Applies one update from the current gradients; parameters without a gradient are left alone. */
  abstract step(): void;

  /** Drops the gradients (like PyTorch's set_to_none), so the next backward() writes fresh ones. */
  zeroGrad(): void {
    native.zeroGrad(this.handles());
  }

  protected handles(): Handle[] {
    return this.params.map((p) => p.handle);
  }

  /** A per-parameter state list, saved under `name`, that the native step fills on first use. */
  protected newSlots(name: string): Slots {
    const s: Slots = this.params.map(() => null);
    this.slots.set(name, s);
    return s;
  }

  /**
   * The state the next step() reads, as views that share memory with it (a parameter that has not been stepped
   * yet has none). Saving these and handing them to loadStateDict() of a fresh optimiser over the same parameters
   * continues bit-identically.
   */
  stateDict(): OptimizerState {
    const out: OptimizerState = {};
    for (const [name, slots] of this.slots) {
      slots.forEach((h, i) => {
        if (h !== null) out[`${i}.${name}`] = new Tensor(native.detach(h));
      });
    }
    return out;
  }

  /**
   * Replaces all per-parameter state with copies of `state` (moved to each parameter's device and dtype). Every
   * entry must name a parameter index and a state this optimiser keeps, with the parameter's shape.
   */
  loadStateDict(state: OptimizerState): void {
    const allowed = [...this.slots.keys()];
    for (const [key, t] of Object.entries(state)) {
      const [i, name] = this.splitKey(key, allowed);
      if (!this.slots.has(name)) throw new Error(`optimiser state '${key}' is not one this optimiser keeps (${allowed.join(', ')})`);
      const want = this.params[i].shape;
      if (t.shape.length !== want.length || t.shape.some((d, j) => d !== want[j])) {
        throw new Error(`optimiser state '${key}' has shape [${t.shape}] but parameter ${i} has shape [${want}]`);
      }
    }
    for (const [name, slots] of this.slots) {
      slots.forEach((h, i) => {
        if (h !== null) native.dispose(h);
        const src = state[`${i}.${name}`];
        slots[i] = src ? this.owned(src, i) : null;
      });
    }
  }

  /** Parses `<index>.<name>`; `names` lists what may follow the index, for the error message. */
  protected splitKey(key: string, names: string[]): [number, string] {
    const dot = key.indexOf('.');
    const i = Number(key.slice(0, dot));
    if (dot < 1 || !Number.isInteger(i) || i < 0 || i >= this.params.length) {
      throw new Error(`optimiser state key '${key}' must be '<parameter index in [0, ${this.params.length})>.<${names.join(' | ')}>'`);
    }
    return [i, key.slice(dot + 1)];
  }

  /** A private copy of `src` on parameter i's device and dtype, owned by the optimiser until dispose(). */
  private owned(src: Tensor, i: number): Handle {
    const p = this.params[i];
    const moved = native.to(src.handle, p.device, p.dtype);
    try {
      return native.clone(moved);
    } finally {
      native.dispose(moved);
    }
  }

  dispose(): void {
    disposeSlots(this.slots);
    registry.unregister(this);
  }
}

export function checkRange(name: string, value: number, lo: number, hi: number): number {
  if (!(value >= lo && value < hi)) throw new RangeError(`${name} must be in [${lo}, ${hi}), got ${value}`);
  return value;
}
