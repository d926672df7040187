// The two NumPy generators ale-py seeds from reset(seed), so the same seed gives the same draws as in Python:
// SeedSequence (the seed → [np_seed, ale_seed] split, ALE's random_seed being the second word) and the PCG64
// Generator whose integers(low, high) draws ale-py's stochastic frameskip and AtariPreprocessing's no-op count.
// Constants and algorithms are NumPy's (bit_generator.pyx, pcg64.h, distributions.c), checked against NumPy 2.

const MASK32 = 0xffffffff;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** NumPy's SeedSequence(entropy) for a non-negative integer entropy, without spawn keys. */
export class SeedSequence {
  private readonly pool = new Uint32Array(POOL_SIZE);

  constructor(entropy: number | bigint) {
    let n = BigInt(entropy);
    if (n < 0n) throw new RangeError(`SeedSequence entropy must be non-negative, got ${entropy}`);
    const words: number[] = [];
    do {
      words.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    let hashConst = INIT_A;
    const hashmix = (value: number) => {
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      return (value ^ (value >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number) => {
      const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (r ^ (r >>> 16)) >>> 0;
    };
    const pool = this.pool;
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i] : 0);
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
    for (let src = POOL_SIZE; src < words.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(words[src]));
    }
  }

  /** generate_state(n, uint32). */
  generateState(n: number): Uint32Array {
    const out = new Uint32Array(n);
    let hashConst = INIT_B;
    for (let i = 0; i < n; i++) {
      let v = (this.pool[i % POOL_SIZE] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }
}

const M128 = (1n << 128n) - 1n;
const M64 = (1n << 64n) - 1n;
const PCG_MULT = 0x2360ed051fc65da44385df649fccf645n;

/** NumPy's PCG64 bit generator (XSL-RR output) with Generator.integers for small ranges. */
export class Pcg64 {
  private state = 0n;
  private readonly inc: bigint;
  /** The high half of the last 64-bit output, served by the next 32-bit draw (NumPy buffers it the same way). */
  private spare: number | null = null;

  constructor(seed: number | bigint) {
    const s = new SeedSequence(seed).generateState(8);
    // generate_state(4, uint64): little-endian pairs of 32-bit words.
    const u64 = (i: number) => (BigInt(s[2 * i + 1]) << 32n) | BigInt(s[2 * i]);
    const initState = (u64(0) << 64n) | u64(1);
    const initSeq = (u64(2) << 64n) | u64(3);
    this.inc = ((initSeq << 1n) | 1n) & M128;
    this.advance();
    this.state = (this.state + initState) & M128;
    this.advance();
  }

  private advance(): void {
    this.state = (this.state * PCG_MULT + this.inc) & M128;
  }

  next64(): bigint {
    this.advance();
    const s = this.state;
    const value = ((s >> 64n) ^ s) & M64;
    const rot = s >> 122n;
    return ((value >> rot) | (value << ((64n - rot) & 63n))) & M64;
  }

  next32(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const v = this.next64();
    this.spare = Number(v >> 32n);
    return Number(v & 0xffffffffn);
  }

  /** Generator.integers(low, high) (int64, high exclusive) for ranges below 2^32: Lemire's method on 32-bit draws. */
  integers(low: number, high: number): number {
    const range = high - 1 - low;
    if (!Number.isInteger(range) || range < 0 || range >= MASK32) throw new RangeError(`integers(${low}, ${high}) is outside what this generator supports`);
    if (range === 0) return low;
    const excl = range + 1;
    let m = BigInt(this.next32()) * BigInt(excl);
    let leftover = Number(m & 0xffffffffn);
    if (leftover < excl) {
      const threshold = (MASK32 - range) % excl;
      while (leftover < threshold) {
        m = BigInt(this.next32()) * BigInt(excl);
        leftover = Number(m & 0xffffffffn);
      }
    }
    return low + Number(m >> 32n);
  }
}
