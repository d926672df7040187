// What every optimiser shares: the parameter list, zeroGrad, and native per-parameter state slots that live
// until dispose() (outside any tidy scope).
import { Tensor } from '../tensor.js';
import { native, type Handle } from '../native.js';

export type Slots = (Handle | null)[];

function disposeSlots(all: Slots[]): void {
  for (const s of all) {
    for (const [i, h] of s.entries()) {
      if (h !== null) native.dispose(h);
      s[i] = null;
    }
  }
}

// Frees the state of an optimiser that was dropped without dispose().
const registry = new FinalizationRegistry<Slots[]>(disposeSlots);

export abstract class Optimizer {
  protected readonly params: readonly Tensor[];
  private readonly slots: Slots[] = [];

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

  /** A per-parameter state list the native step fills on first use. */
  protected newSlots(): Slots {
    const s: Slots = this.params.map(() => null);
    this.slots.push(s);
    return s;
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
