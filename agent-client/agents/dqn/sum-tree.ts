// A binary sum tree over priorities (Schaul et al. 2015, appendix B.2.1): O(log n) updates and prefix-sum
// search, so proportional sampling costs O(log n) per draw. Leaves sit at [size, 2·size) of one Float64Array.

export class SumTree {
  private readonly size: number;
  private readonly nodes: Float64Array;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`sum tree capacity must be an integer >= 1, got ${capacity}`);
    let size = 1;
    while (size < capacity) size *= 2;
    this.size = size;
    this.nodes = new Float64Array(2 * size);
  }

  get total(): number {
    return this.nodes[1];
  }

  get(i: number): number {
    return this.nodes[this.size + i];
  }

  set(i: number, priority: number): void {
    if (!(i >= 0 && i < this.capacity)) throw new RangeError(`sum tree index ${i} is outside [0, ${this.capacity})`);
    if (!(priority >= 0) || !Number.isFinite(priority)) throw new RangeError(`priorities must be finite and >= 0, got ${priority}`);
    let node = this.size + i;
    this.nodes[node] = priority;
    for (node >>= 1; node >= 1; node >>= 1) this.nodes[node] = this.nodes[2 * node] + this.nodes[2 * node + 1];
  }

  /** The leaf i whose cumulative range [sum of leaves before i, that plus leaf i) holds `mass` (clamped to the total). */
  find(mass: number): number {
    let node = 1;
    let m = Math.min(Math.max(mass, 0), this.total);
    while (node < this.size) {
      const left = 2 * node;
      if (m < this.nodes[left] || this.nodes[left + 1] === 0) node = left;
      else {
        m -= this.nodes[left];
        node = left + 1;
      }
    }
    return node - this.size;
  }
}
