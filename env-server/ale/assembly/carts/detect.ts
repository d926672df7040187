// Picks the bank-switching scheme of a ROM image the way ALE's emulator
// auto-detects it (by size, then by telltale byte patterns), and installs it.
import { Scheme, setImage } from './cartridge';
import { dpcLoad } from './dpc';
import { mcLoad } from './megacart';

function countPattern(image: usize, size: u32, pattern: StaticArray<u8>, wanted: u32): bool {
  const n = <u32>pattern.length;
  if (n > size) return false;
  let count: u32 = 0;
  for (let i: u32 = 0; i < size - n; i++) {
    let j: u32 = 0;
    while (j < n && load<u8>(image + <usize>(i + j)) == pattern[j]) j++;
    if (j == n) {
      count++;
      // A match is skipped over entirely before searching on.
      i += n;
    }
    if (count >= wanted) break;
  }
  return count >= wanted;
}

function halvesEqual(image: usize, half: u32): bool {
  return memory.compare(image, image + <usize>half, <usize>half) == 0;
}

// Superchip carts leave the first 256 bytes of each 4K bank (the RAM's
// address range) filled with one value.
function probablySuperchip(image: usize, size: u32): bool {
  for (let bank: u32 = 0; bank < size / 4096; bank++) {
    const base = image + <usize>(bank * 4096);
    const first = load<u8>(base);
    for (let j: usize = 0; j < 256; j++) if (load<u8>(base + j) != first) return false;
  }
  return true;
}

function probablyE0(image: usize, size: u32): bool {
  // STA $1FE0, STA $5FE0, STA $FFE9, LDA $FFE9, LDA $FFED, LDA $BFF3
  return countPattern(image, size, [0x8d, 0xe0, 0x1f], 1) || countPattern(image, size, [0x8d, 0xe0, 0x5f], 1) ||
    countPattern(image, size, [0x8d, 0xe9, 0xff], 1) || countPattern(image, size, [0xad, 0xe9, 0xff], 1) ||
    countPattern(image, size, [0xad, 0xed, 0xff], 1) || countPattern(image, size, [0xad, 0xf3, 0xbf], 1);
}

function probably3E(image: usize, size: u32): bool {
  return countPattern(image, size, [0x85, 0x3e, 0xa9, 0x00], 1); // STA $3E; LDA #0
}

function probably3F(image: usize, size: u32): bool {
  return countPattern(image, size, [0x85, 0x3f], 2); // STA $3F, at least twice
}

function probablyUA(image: usize, size: u32): bool {
  return countPattern(image, size, [0x8d, 0x40, 0x02], 1); // STA $240
}

function probablyCV(image: usize, size: u32): bool {
  return countPattern(image, size, [0x9d, 0xff, 0xf3], 1) || countPattern(image, size, [0x99, 0x00, 0xf4], 1);
}

function probablyFE(image: usize, size: u32): bool {
  return countPattern(image, size, [0x20, 0x00, 0xd0, 0xc6, 0xc5], 1) ||
    countPattern(image, size, [0x20, 0xc3, 0xf8, 0xa5, 0x82], 1) ||
    countPattern(image, size, [0xd0, 0xfb, 0x20, 0x73, 0xfe], 1) ||
    countPattern(image, size, [0x20, 0x00, 0xf0, 0x84, 0xd6], 1);
}

function probablyE7(image: usize, size: u32): bool {
  // The RAM window's image area ($3800-$39FF) holds one value, and something
  // around it differs.
  const first = load<u8>(image + 0x3800);
  for (let i: usize = 0x3800; i < 0x3a00; i++) if (load<u8>(image + i) != first) return false;
  for (let i: usize = 0x3800 - 32; i < 0x3800; i++) if (load<u8>(image + i) != first) return true;
  for (let i: usize = 0x3a00; i < 0x3a00 + 32; i++) if (load<u8>(image + i) != first) return true;
  return false;
}

/**
 * The scheme ALE's emulator would pick (its checks in its order), or -1 for
 * an image it does not recognise either. 0840 and 4A50 never come out: ALE
 * only uses them when its per-ROM properties name them, and no game in its
 * list is such a cart.
 */
export function detectScheme(image: usize, size: u32): i32 {
  if (size != 0 && size % 8448 == 0) return Scheme.AR;
  if (size == 2048 || (size == 4096 && halvesEqual(image, 2048))) {
    return probablyCV(image, size) ? Scheme.CV : Scheme.K2;
  }
  if (size == 4096) return probablyCV(image, size) ? Scheme.CV : Scheme.K4;
  if (size == 8192) {
    if (probablySuperchip(image, size)) return Scheme.F8SC;
    if (halvesEqual(image, 4096)) return Scheme.K4;
    if (probablyE0(image, size)) return Scheme.E0;
    if (probably3E(image, size)) return Scheme.K3E;
    if (probably3F(image, size)) return Scheme.K3F;
    if (probablyUA(image, size)) return Scheme.UA;
    if (probablyFE(image, size)) return Scheme.FE;
    return Scheme.F8;
  }
  // Pitfall II's image: program, display data, sometimes a stray 255 bytes.
  if (size == 10240 || size == 10495 || size == 10496) return Scheme.DPC;
  if (size == 12288) return Scheme.FASC;
  if (size == 16384) {
    if (probablySuperchip(image, size)) return Scheme.F6SC;
    if (probablyE7(image, size)) return Scheme.E7;
    if (probably3E(image, size)) return Scheme.K3E;
    if (probably3F(image, size)) return Scheme.K3F;
    return Scheme.F6;
  }
  if (size == 32768) {
    if (probablySuperchip(image, size)) return Scheme.F4SC;
    if (probably3E(image, size)) return Scheme.K3E;
    if (probably3F(image, size)) return Scheme.K3F;
    return Scheme.F4;
  }
  if (probably3E(image, size)) return Scheme.K3E;
  if (probably3F(image, size)) return Scheme.K3F;
  if (size == 65536) return Scheme.MB;
  if (size == 131072) return Scheme.MC;
  return -1;
}

/**
 * Copies the image into the cart slot as scheme `kind` (detectScheme's, or the
 * one a game's Cartridge.Type property names); false if it is not emulated.
 */
// The slot's copy of the image, kept across loads (a ROM loaded again, as every seeded reset does, reuses it).
let slot: usize = 0;
let slotCapacity: u32 = 0;

export function loadCartridge(bytes: usize, size: u32, kind: i32): bool {
  if (!emulated(kind)) return false;
  if (size > slotCapacity) {
    slot = heap.alloc(<usize>size);
    slotCapacity = size;
  }
  const copy = slot;
  memory.copy(copy, bytes, <usize>size);
  setImage(copy, size, <Scheme>kind, plainFrom(kind), plainTo(kind));
  if (kind == Scheme.DPC) dpcLoad();
  if (kind == Scheme.MC) mcLoad();
  return true;
}

// The part of the window free of hot spots and cart RAM, per scheme.
function plainFrom(kind: i32): u32 {
  switch (kind) {
    case Scheme.F8SC: case Scheme.F6SC: case Scheme.F4SC: return 0x100;
    case Scheme.FASC: return 0x200;
    case Scheme.E7: return 0xa00;
    case Scheme.CV: return 0x400;
    case Scheme.DPC: return 0x80;
    default: return 0;
  }
}

function plainTo(kind: i32): u32 {
  switch (kind) {
    case Scheme.K2: case Scheme.K4: case Scheme.K3F: case Scheme.UA: case Scheme.K3E: case Scheme.CV: return 0x1000;
    case Scheme.MB: return 0xff0;
    // The emulator hands the chip whole 64-byte pages, so $FC0-$FFF clock its generator.
    case Scheme.DPC: return 0xfc0;
    case Scheme.FASC: return 0xff8;
    case Scheme.E7: return 0xfe0;
    case Scheme.F8: case Scheme.F8SC: return 0xff8;
    case Scheme.F6: case Scheme.F6SC: return 0xff6;
    case Scheme.F4: case Scheme.F4SC: return 0xff4;
    case Scheme.E0: return 0xfe0;
    default: return 0;
  }
}

/** Recognised by ALE and emulated here (Supercharger images are recognised only). */
export function emulated(kind: i32): bool {
  return kind >= 0 && kind != Scheme.AR;
}
