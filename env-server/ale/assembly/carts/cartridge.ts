// The cartridge slot (A12 set): the ROM image, the 4 KiB window's mapping
// and the dispatch to the bank-switching scheme of the loaded cart.
//
// The window is four 1 KiB segments, each pointing at an offset in the
// image; schemes only move those pointers (and handle their own RAM), so
// a plain read is one table lookup. Hot spots are the addresses whose
// access (read or write) switches banks.
import { systemRandom } from '../mt19937';

export const enum Scheme {
  K2 = 0, K4, F8, F6, F4, F8SC, F6SC, F4SC, E0, FE, K3F, FASC, E7, UA, K3E, MB, CV, DPC, MC,
  // Recognised (so the refusal can name it) but not emulated.
  AR,
}

export let scheme: Scheme = Scheme.K4;
export let image: usize = 0;
export let imageSize: u32 = 0;
/** Offset in the image of each 1 KiB segment of the window. */
export const segment = new StaticArray<u32>(4);
/** The 4 KiB the window shows, contiguous: in the image itself or assembled in `assembled`. */
export let window: usize = 0;
const assembled: usize = heap.alloc(4096);
/** Extra RAM on the cart (Superchip 128 B, CBS 256 B, CommaVid 1 KiB, M-Network 2 KiB, 3E and Megacart 32 KiB). */
export const cartRam: usize = heap.alloc(32768);
export let cartRamSize: u32 = 0;
/**
 * Window offsets [plainStart, plainStart + plainLength) read plain ROM with
 * no side effect; the memory map reads them directly.
 */
export let plainStart: u32 = 0;
export let plainLength: u32 = 0x1000;
/** Scheme-specific bank registers, saved with the state. */
export const banks = new StaticArray<u32>(4);

export function setImage(bytes: usize, size: u32, kind: Scheme, plainFrom: u32, plainTo: u32): void {
  image = bytes;
  imageSize = size;
  scheme = kind;
  setPlain(plainFrom, plainTo);
  cartRamSize = ramSize(kind);
}

function ramSize(kind: Scheme): u32 {
  switch (kind) {
    case Scheme.F8SC: case Scheme.F6SC: case Scheme.F4SC: return 128;
    case Scheme.FASC: return 256;
    case Scheme.CV: return 1024;
    case Scheme.E7: return 2048;
    case Scheme.K3E: case Scheme.MC: return 32768;
    default: return 0;
  }
}

/** For schemes whose window changes between ROM and RAM. */
export function setPlain(plainFrom: u32, plainTo: u32): void {
  plainStart = plainFrom;
  plainLength = plainTo - plainFrom;
}

/** Maps 4 KiB bank `bank` into the whole window. */
export function mapBank4K(bank: u32): void {
  banks[0] = bank;
  const base = bank << 12;
  for (let i = 0; i < 4; i++) segment[i] = base + (<u32>i << 10);
  window = image + <usize>base;
}

/** Rebuilds `window` after the segments changed. */
export function remap(): void {
  const first = segment[0];
  if (segment[1] == first + 1024 && segment[2] == first + 2048 && segment[3] == first + 3072) {
    window = image + <usize>first;
    return;
  }
  for (let i = 0; i < 4; i++) memory.copy(assembled + (<usize>i << 10), image + <usize>segment[i], 1024);
  window = assembled;
}

/** Cart RAM that powers up random, drawn after the RIOT's timer. */
export function randomizeCartRam(count: u32): void {
  for (let i: u32 = 0; i < count; i++) store<u8>(cartRam + <usize>i, <u8>systemRandom.next());
}

@inline
export function romByte(addr: u32): u32 {
  return <u32>load<u8>(window + <usize>(addr & 0xfff));
}
