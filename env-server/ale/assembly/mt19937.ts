// The 32-bit Mersenne Twister (MT19937). ALE uses two: the emulator's draws
// the power-on RAM and the RIOT timer's start value; the environment's draws
// the sticky-action coin flips.
const N: i32 = 624;
const M: i32 = 397;

export const MT_STATE_BYTES: i32 = (N + 1) * 4;

export class MersenneTwister {
  private mt: StaticArray<u32> = new StaticArray<u32>(N);
  private index: i32 = N;

  seed(value: u32): void {
    const mt = this.mt;
    mt[0] = value;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      mt[i] = 1812433253 * (prev ^ (prev >> 30)) + <u32>i;
    }
    this.index = N;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
      let next = mt[(i + M) % N] ^ (y >> 1);
      if (y & 1) next ^= 0x9908b0df;
      mt[i] = next;
    }
    this.index = 0;
  }

  next(): u32 {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >> 18;
    return y;
  }

  /** A double in [0, 1), as ALE's Random::nextDouble. */
  nextDouble(): f64 {
    return <f64>this.next() / 4294967296.0;
  }

  save(out: usize): usize {
    for (let i = 0; i < N; i++) store<u32>(out + (<usize>i << 2), this.mt[i]);
    store<i32>(out + (<usize>N << 2), this.index);
    return out + <usize>MT_STATE_BYTES;
  }

  load(from: usize): usize {
    for (let i = 0; i < N; i++) this.mt[i] = load<u32>(from + (<usize>i << 2));
    this.index = load<i32>(from + (<usize>N << 2));
    return from + <usize>MT_STATE_BYTES;
  }
}

/** The emulator's generator (ALE's System random, seeded with system_random_seed). */
export const systemRandom = new MersenneTwister();
