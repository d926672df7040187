// Parker Brothers' E0: eight 1 KiB slices; the window's first three
// segments each show any slice, chosen by touching $FE0-$FE7, $FE8-$FEF
// and $FF0-$FF7; the last segment always shows slice 7.
import { segment, banks, romByte, remap } from './cartridge';

function select(seg: i32, slice: u32): void {
  banks[seg] = slice;
  segment[seg] = slice << 10;
  remap();
}

export function e0Reset(): void {
  select(0, 4);
  select(1, 5);
  select(2, 6);
  select(3, 7);
}

function hotSpot(offset: u32): void {
  if (offset >= 0xfe0 && offset < 0xff8) select(<i32>((offset - 0xfe0) >> 3), offset & 7);
}

export function e0Read(addr: u32): u32 {
  hotSpot(addr & 0xfff);
  return romByte(addr);
}

export function e0Write(addr: u32): void {
  hotSpot(addr & 0xfff);
}
