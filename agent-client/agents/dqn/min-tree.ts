// A binary min tree over priorities, beside the sum tree: prioritised replay's importance weights are normalised
// by the largest weight in the whole buffer (Schaul et al. 2015, Algorithm 1), which belongs to the smallest
// priority, and this keeps that minimum current in O(log n) per update. Empty slots hold Infinity.

export class MinTree {
  private readonly size: number;
  private readonly nodes: Float64Array;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`min tree capacity must be an integer >= 1, got ${capacity}`);
    this.size = 2 ** Math.ceil(Math.log2(capacity));
    this.nodes = new Float64Array(2 * this.size).fill(Infinity);
  }

  /** The smallest value stored (Infinity when every slot is empty). */
  get min(): number {
    return this.nodes[1];
  }

  /** Stores `value` at slot i; Infinity empties the slot. */
  set(i: number, value: number): void {
    if (!(i >= 0 && i < this.capacity)) throw new RangeError(`min tree index ${i} is outside [0, ${this.capacity})`);
    if (!(value >= 0)) throw new RangeError(`min tree values must be >= 0 (Infinity for an empty slot), got ${value}`);
    let node = this.size + i;
    this.nodes[node] = value;
    for (node >>= 1; node >= 1; node >>= 1) this.nodes[node] = Math.min(this.nodes[2 * node], this.nodes[2 * node + 1]);
  }
}
