// A step's results, one row per copy, as both backends hand them to the session: the rows a vector session's copies
// write their steps into (in process, a fresh batch per step; on the pool, views of the shared slots). Envs with
// stepInto write their row themselves; every other result, and every reset, is copied in by put() (see stepInto in
// envs/env.ts).

import { Discrete, type Native, type Space } from '../../proto/spaces.js';
import { type Tensor, type TypedArray, type Value, allocTensor, numel } from '../../proto/tensor.js';
import { isArraySpace, stack } from '../../proto/batch.js';
import { type Info, type ResetResult, type StepResult, type StepRows, NO_INFO } from '../envs/env.js';

export class BatchRows implements StepRows {
  readonly reward: Float64Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  readonly infos: Info[];
  /** Discrete and Box observations: every row's elements, in the tensor that goes on the wire. */
  private readonly tensor: Tensor | null;
  /** Tuple and Dict observations: one native per row, stacked when the batch is sent. */
  private readonly natives: Native[] | null;
  private readonly rowSize: number;

  constructor(
    readonly space: Space,
    readonly n: number,
    /** Where rows live when they are not a fresh batch: the pool's shared slots (a Box space's elements). */
    shared?: { obs: TypedArray; reward: Float64Array; terminated: Uint8Array; truncated: Uint8Array },
  ) {
    const array = isArraySpace(space);
    this.rowSize = array ? numel(space.shape) : 1;
    if (shared) {
      if (!array) throw new TypeError(`shared rows need an array observation space, got ${space}`);
      this.tensor = { dtype: space.dtype, shape: [n, ...space.shape], data: shared.obs };
      ({ reward: this.reward, terminated: this.terminated, truncated: this.truncated } = shared);
    } else {
      this.tensor = space instanceof Discrete ? allocTensor('int64', [n]) : array ? allocTensor(space.dtype, [n, ...space.shape]) : null;
      this.reward = new Float64Array(n);
      this.terminated = new Uint8Array(n);
      this.truncated = new Uint8Array(n);
    }
    this.natives = this.tensor ? null : new Array<Native>(n);
    this.infos = new Array<Info>(n).fill(NO_INFO);
  }

  /** Every row's observation elements (Discrete and Box spaces). */
  get obs(): TypedArray {
    if (!this.tensor) throw new TypeError(`rows of ${this.space} have no array of observations; envs with stepInto need a Box observation`);
    return this.tensor.data;
  }

  /** Writes an allocated step result (reward 0 and no flags for a reset) into row `row`. */
  put(row: number, r: StepResult | ResetResult): void {
    if (this.natives) this.natives[row] = r.obs;
    else if (this.space instanceof Discrete) (this.tensor!.data as BigInt64Array)[row] = BigInt(r.obs as number);
    else {
      const o = r.obs as ArrayLike<number>;
      const d = this.tensor!.data as Float64Array;
      const base = row * this.rowSize;
      // TypedArray#set costs more than the copy itself for a few elements.
      if (this.rowSize > 16) d.set(o, base);
      else for (let j = 0; j < this.rowSize; j++) d[base + j] = o[j];
    }
    const s = r as Partial<StepResult>;
    this.putOutcome(row, s.reward ?? 0, s.terminated ?? false, s.truncated ?? false, r.info);
  }

  putOutcome(row: number, reward: number, terminated: boolean, truncated: boolean, info: Info): void {
    this.reward[row] = reward;
    this.terminated[row] = terminated ? 1 : 0;
    this.truncated[row] = truncated ? 1 : 0;
    this.infos[row] = info;
  }

  /** The rows' observations as one batched wire value ([n, ...shape]). */
  batch(): Value {
    return this.tensor ?? stack(this.space, this.natives!);
  }

  /** Row 0's observation unbatched: a single session's. */
  single(): Value {
    if (this.natives) return this.space.toValue(this.natives[0]);
    const t = this.tensor!;
    return { dtype: t.dtype, shape: t.shape.slice(1), data: t.data.subarray(0, this.rowSize) as TypedArray };
  }
}
