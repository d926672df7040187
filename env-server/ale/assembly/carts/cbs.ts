// CBS RAM Plus (FA): three 4 KiB banks switched at $FF8-$FFA, and 256 bytes
// of RAM written at $000-$0FF and read at $100-$1FF.
import { mapBank4K, romByte, cartRam, randomizeCartRam } from './cartridge';

export function faReset(): void {
  randomizeCartRam(256);
  mapBank4K(2);
}

function hotSpot(offset: u32): void {
  if (offset >= 0xff8 && offset <= 0xffa) mapBank4K(offset - 0xff8);
}

export function faRead(address: u32): u32 {
  const offset = address & 0xfff;
  if (offset >= 0x100 && offset < 0x200) return <u32>load<u8>(cartRam + <usize>(offset & 0xff));
  hotSpot(offset);
  return romByte(address);
}

export function faWrite(address: u32, value: u32): void {
  const offset = address & 0xfff;
  if (offset < 0x100) store<u8>(cartRam + <usize>offset, <u8>value);
  else hotSpot(offset);
}
