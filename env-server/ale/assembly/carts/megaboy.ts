// Dynacom's Megaboy (MB, also called F0): sixteen 4 KiB banks; every access
// to $FF0 moves on to the next bank, wrapping after bank 15. ALE's emulator
// starts it in bank 1.
import { mapBank4K, banks, romByte } from './cartridge';

export function mbReset(): void {
  mapBank4K(1);
}

function touch(address: u32): void {
  if ((address & 0xfff) == 0xff0) mapBank4K((banks[0] + 1) & 15);
}

export function mbRead(address: u32): u32 {
  touch(address);
  return romByte(address);
}

export function mbWrite(address: u32): void {
  touch(address);
}
