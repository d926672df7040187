// Atari's own schemes: 2K and 4K without switching, and F8/F6/F4 (2, 4, 8
// banks of 4 KiB chosen by touching $FF8.. of the window), optionally with a
// Superchip's 128 bytes of RAM (write at $000-$07F, read at $080-$0FF).
import { Scheme, mapBank4K, romByte, cartRam, randomizeCartRam, segment, remap } from './cartridge';

// First hot spot (window offset) and bank count of each switching scheme.
function firstHotSpot(kind: Scheme): u32 {
  return kind == Scheme.F8 || kind == Scheme.F8SC ? 0xff8 : (kind == Scheme.F6 || kind == Scheme.F6SC ? 0xff6 : 0xff4);
}

function bankCount(kind: Scheme): u32 {
  return kind == Scheme.F8 || kind == Scheme.F8SC ? 2 : (kind == Scheme.F6 || kind == Scheme.F6SC ? 4 : 8);
}

function hasSuperchip(kind: Scheme): bool {
  return kind == Scheme.F8SC || kind == Scheme.F6SC || kind == Scheme.F4SC;
}

export function atariReset(kind: Scheme): void {
  if (kind == Scheme.K2) {
    // 2 KiB mirrored in both halves of the window.
    segment[0] = 0; segment[1] = 1024; segment[2] = 0; segment[3] = 1024;
    remap();
    return;
  }
  if (kind == Scheme.K4) { mapBank4K(0); return; }
  if (hasSuperchip(kind)) randomizeCartRam(128);
  // F8 carts start in their upper bank, the others in bank 0.
  mapBank4K(kind == Scheme.F8 || kind == Scheme.F8SC ? 1 : 0);
}

function hotSpot(kind: Scheme, offset: u32): void {
  const first = firstHotSpot(kind);
  if (offset >= first && offset < first + bankCount(kind)) mapBank4K(offset - first);
}

export function atariRead(kind: Scheme, addr: u32): u32 {
  const offset = addr & 0xfff;
  if (kind >= Scheme.F8) {
    if (hasSuperchip(kind) && offset >= 0x80 && offset < 0x100) return <u32>load<u8>(cartRam + <usize>(offset & 0x7f));
    hotSpot(kind, offset);
  }
  return romByte(addr);
}

export function atariWrite(kind: Scheme, addr: u32, value: u32): void {
  const offset = addr & 0xfff;
  if (kind < Scheme.F8) return;
  if (hasSuperchip(kind) && offset < 0x80) {
    store<u8>(cartRam + <usize>offset, <u8>value);
    return;
  }
  hotSpot(kind, offset);
}
