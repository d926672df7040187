// Activision's DPC chip (Pitfall II): 8 KiB of program in two 4 KiB banks
// switched at $FF8/$FF9 (F8-like, starting in bank 1), 2 KiB of display data
// the CPU reaches only through eight data fetchers, and an 8-bit random
// number generator. Window $000-$03F reads the fetchers (function = bits
// 3-5, fetcher = bits 0-2) and $040-$07F writes their registers. The image
// is the program followed by the display data (ALE accepts 10,240, 10,495
// and 10,496 bytes; anything past the display data is ignored).
//
// As in ALE's emulator: the generator is clocked by every access that the
// emulator hands to the chip, i.e. reads of $000-$07F and $FC0-$FFF and all
// writes to the window; fetchers 5-7 in music mode count down from their top
// register at 15,750 Hz of CPU time (audio is not emulated, but the
// amplitude read and the counters are); the registers are set when the cart
// is loaded, not at reset; and functions 3-6 of a read return 0.
import { mapBank4K, banks, image, romByte } from './cartridge';
import { systemCycles } from '../clock';

const tops = new StaticArray<u8>(8);
const bottoms = new StaticArray<u8>(8);
const flags = new StaticArray<u8>(8);
const counters = new StaticArray<u16>(8);
const musicMode = new StaticArray<bool>(3);
let random: u32 = 1;
// The cycle count of the last music update, and the part of a 15,750 Hz
// clock tick left over from it.
let musicCycles: u32 = 0;
let musicFraction: f64 = 0;

const DISPLAY: usize = 8192;

/** The chip's power-on state, set once when the cart is loaded. */
export function dpcLoad(): void {
  for (let i = 0; i < 8; i++) {
    tops[i] = 0;
    bottoms[i] = 0;
    flags[i] = 0;
    counters[i] = 0;
  }
  for (let i = 0; i < 3; i++) musicMode[i] = false;
  random = 1;
}

export function dpcReset(): void {
  musicCycles = systemCycles();
  musicFraction = 0;
  mapBank4K(1);
}

/** The machine's cycle count restarts from zero (each frame, each reset). */
export function dpcCyclesReset(): void {
  musicCycles -= systemCycles();
}

// An 8-bit shift register fed with the inverted XOR of bits 7, 5, 4 and 3.
function clockRandom(): void {
  const taps = (random >> 7) ^ (random >> 5) ^ (random >> 4) ^ (random >> 3);
  random = ((random << 1) | (~taps & 1)) & 0xff;
}

function updateMusic(): void {
  const now = systemCycles();
  const cycles = <i32>(now - musicCycles);
  musicCycles = now;
  const clocks = (15750.0 * <f64>cycles) / 1193191.66666667 + musicFraction;
  const whole = <i32>clocks;
  musicFraction = clocks - <f64>whole;
  if (whole <= 0) return;
  for (let x = 5; x <= 7; x++) {
    if (!musicMode[x - 5]) continue;
    const top = <i32>tops[x];
    let low = <i32>(counters[x] & 0xff);
    if (top != 0) {
      low -= whole % (top + 1);
      if (low < 0) low += top + 1;
    } else {
      low = 0;
    }
    if (low <= <i32>bottoms[x]) flags[x] = 0;
    else if (low <= top) flags[x] = 0xff;
    counters[x] = <u16>((counters[x] & 0x700) | <u32>low);
  }
}

// Output level of the three music voices mixed (voice bits 0-2).
const AMPLITUDES: StaticArray<u8> = [0x00, 0x04, 0x05, 0x09, 0x06, 0x0a, 0x0b, 0x0f];

function fetch(offset: u32): u32 {
  const i = <i32>(offset & 7);
  const low = <u32>counters[i] & 0xff;
  if (low == <u32>tops[i]) flags[i] = 0xff;
  else if (low == <u32>bottoms[i]) flags[i] = 0;
  let result: u32 = 0;
  switch ((offset >> 3) & 7) {
    case 0:
      if (i < 4) {
        result = random;
      } else {
        updateMusic();
        let voices = 0;
        for (let v = 0; v < 3; v++) if (musicMode[v] && flags[5 + v] != 0) voices |= 1 << v;
        result = AMPLITUDES[voices];
      }
      break;
    case 1: result = load<u8>(image + DISPLAY + <usize>(2047 - <u32>counters[i])); break;
    case 2: result = load<u8>(image + DISPLAY + <usize>(2047 - <u32>counters[i])) & <u32>flags[i]; break;
    case 7: result = flags[i]; break;
    default: break;
  }
  if (i < 5 || !musicMode[i - 5]) counters[i] = <u16>((<u32>counters[i] - 1) & 0x7ff);
  return result;
}

function setRegister(offset: u32, value: u32): void {
  const i = <i32>(offset & 7);
  switch ((offset >> 3) & 7) {
    case 0: tops[i] = <u8>value; flags[i] = 0; break;
    case 1: bottoms[i] = <u8>value; break;
    case 2: {
      // A music fetcher reloads its low count from its top register.
      const low = i >= 5 && musicMode[i - 5] ? <u32>tops[i] : value;
      counters[i] = <u16>((counters[i] & 0x700) | low);
      break;
    }
    case 3:
      counters[i] = <u16>(((value & 7) << 8) | (counters[i] & 0xff));
      if (i >= 5) musicMode[i - 5] = (value & 0x10) != 0;
      break;
    case 6: random = 1; break;
    default: break;
  }
}

function hotSpot(offset: u32): void {
  if (offset == 0xff8 || offset == 0xff9) mapBank4K(offset - 0xff8);
}

export function dpcRead(address: u32): u32 {
  const offset = address & 0xfff;
  clockRandom();
  if (offset < 0x40) return fetch(offset);
  hotSpot(offset);
  return romByte(address);
}

export function dpcWrite(address: u32, value: u32): void {
  const offset = address & 0xfff;
  clockRandom();
  if (offset >= 0x40 && offset < 0x80) setRegister(offset, value);
  else hotSpot(offset);
}

const DPC_STATE_SIZE: usize = 8 * 5 + 3 + 4 + 4 + 8;

export function dpcSave(p: usize): usize {
  for (let i = 0; i < 8; i++) {
    store<u8>(p + <usize>i, tops[i]);
    store<u8>(p + <usize>(8 + i), bottoms[i]);
    store<u8>(p + <usize>(16 + i), flags[i]);
    store<u16>(p + <usize>(24 + 2 * i), counters[i]);
  }
  for (let i = 0; i < 3; i++) store<u8>(p + <usize>(40 + i), musicMode[i] ? 1 : 0);
  store<u32>(p + 43, random);
  store<u32>(p + 47, musicCycles);
  store<f64>(p + 51, musicFraction);
  return p + DPC_STATE_SIZE;
}

export function dpcRestore(p: usize): usize {
  for (let i = 0; i < 8; i++) {
    tops[i] = load<u8>(p + <usize>i);
    bottoms[i] = load<u8>(p + <usize>(8 + i));
    flags[i] = load<u8>(p + <usize>(16 + i));
    counters[i] = load<u16>(p + <usize>(24 + 2 * i));
  }
  for (let i = 0; i < 3; i++) musicMode[i] = load<u8>(p + <usize>(40 + i)) != 0;
  random = load<u32>(p + 43);
  musicCycles = load<u32>(p + 47);
  // ALE's state keeps the fraction in units of 1e-8 (truncated).
  musicFraction = Math.floor(load<f64>(p + 51) * 100000000.0) / 100000000.0;
  return p + DPC_STATE_SIZE;
}
