// M-Network's E7: eight 2 KiB slices. $000-$7FF shows slice 0-6 (chosen at
// $FE0-$FE6), or for $FE7 1 KiB of RAM (written at $000-$3FF, read at
// $400-$7FF); $800-$8FF writes and $900-$9FF reads one of four 256-byte RAM
// banks (chosen at $FE8-$FEB); $A00-$FFF is the rest of slice 7. Reads of a
// RAM write port show slice 7's bytes, as in ALE's emulator.
import { segment, banks, image, cartRam, randomizeCartRam, remap, romByte } from './cartridge';

const SLICE7: u32 = 7 << 11;

function selectSlice(slice: u32): void {
  banks[0] = slice;
  segment[0] = slice << 11;
  segment[1] = (slice << 11) + 1024;
  remap();
}

function selectRamBank(bank: u32): void {
  banks[1] = bank;
}

export function e7Reset(): void {
  randomizeCartRam(2048);
  segment[2] = SLICE7;
  segment[3] = SLICE7 + 1024;
  selectRamBank(0);
  selectSlice(0);
}

function hotSpot(offset: u32): void {
  if (offset >= 0xfe0 && offset <= 0xfe7) selectSlice(offset & 7);
  else if (offset >= 0xfe8 && offset <= 0xfeb) selectRamBank(offset & 3);
}

@inline function bankRam(offset: u32): usize {
  return cartRam + 1024 + (<usize>banks[1] << 8) + <usize>(offset & 0xff);
}

export function e7Read(address: u32): u32 {
  const offset = address & 0xfff;
  if (offset < 0x800 && banks[0] == 7) {
    if (offset >= 0x400) return <u32>load<u8>(cartRam + <usize>(offset & 0x3ff));
    return <u32>load<u8>(image + <usize>(SLICE7 + offset));
  }
  if (offset >= 0x900 && offset < 0xa00) return <u32>load<u8>(bankRam(offset));
  if (offset >= 0x800 && offset < 0x900) return <u32>load<u8>(image + <usize>(SLICE7 + (offset & 0x7ff)));
  hotSpot(offset);
  return romByte(address);
}

export function e7Write(address: u32, value: u32): void {
  const offset = address & 0xfff;
  if (offset < 0x400 && banks[0] == 7) {
    store<u8>(cartRam + <usize>offset, <u8>value);
  } else if (offset >= 0x800 && offset < 0x900) {
    store<u8>(bankRam(offset), <u8>value);
  } else if (!(offset < 0x800 && banks[0] == 7) && !(offset >= 0x900 && offset < 0xa00)) {
    hotSpot(offset);
  }
}
