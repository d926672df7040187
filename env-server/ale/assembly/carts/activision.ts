// Activision's FE: two 4 KiB banks chosen by address line A13 of each access
// (code at $Dxxx runs from one bank, at $Fxxx from the other).
import { image } from './cartridge';

export function feRead(address: u32): u32 {
  return <u32>load<u8>(image + <usize>((address & 0xfff) + ((address & 0x2000) == 0 ? 4096 : 0)));
}
