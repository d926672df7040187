// UA (United Appliance): two 4 KiB banks, selected by touching $220 (bank 0)
// or $240 (bank 1); those addresses are in the TIA's range and still reach it.
import { mapBank4K } from './cartridge';

export function uaReset(): void {
  mapBank4K(0);
}

export function uaTouch(address: u32): void {
  const a = address & 0x1fff;
  if (a == 0x220) mapBank4K(0);
  else if (a == 0x240) mapBank4K(1);
}
