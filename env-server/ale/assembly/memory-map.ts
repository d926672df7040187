// The 6507's 8 KiB address space: A12 selects the cartridge; below it, A7
// selects the RIOT (A9 then picks I/O over RAM) and otherwise the TIA. Every
// access leaves its value on the data bus (see bus-state.ts).
import { tiaRead, tiaWrite } from './tia';
import { ram, riotRead, riotWrite } from './riot';
import { cartRead, cartWrite } from './carts/slot';
import { plainStart, plainLength, romByte, scheme, Scheme } from './carts/cartridge';
import { tigervisionOwns, tigervisionSelect } from './carts/tigervision';
import { e3HotSpot } from './carts/3e';
import { feRead } from './carts/activision';
import { uaTouch } from './carts/ua';
import { setDataBus } from './bus-state';

// Inlined into the CPU: program fetches from plain ROM and RAM accesses
// take the short paths, everything else calls out.
@inline
export function mapRead(address: u32): u32 {
  let value: u32;
  if (address & 0x1000) {
    // Carts see the full 16-bit address (some schemes decode A13). Activision's FE picks its bank by A13 on every
    // access, so none of its window is plain: its read is made here, not through cartRead's dispatch (robotank
    // spent a fifth of its time there); other carts test the scheme only on their rare non-plain reads.
    if ((address & 0xfff) - plainStart < plainLength) value = romByte(address);
    else if (scheme == Scheme.FE) value = feRead(address);
    else value = cartRead(address);
  } else if ((address & 0x280) == 0x80) {
    value = <u32>load<u8>(ram + <usize>(address & 0x7f));
  } else {
    value = chipRead(address);
  }
  setDataBus(value);
  return value;
}

// TIA and RIOT I/O, with the schemes that listen in that range (3F and 3E
// answer reads of $00-$3F with the window's bytes, the Megacart with 0, as
// ALE's emulator does).
function chipRead(address: u32): u32 {
  if ((scheme == Scheme.K3F || scheme == Scheme.K3E) && tigervisionOwns(address)) return cartRead(address | 0x1000);
  if (scheme == Scheme.MC && tigervisionOwns(address)) return cartRead(address);
  if (scheme == Scheme.UA) uaTouch(address);
  return (address & 0x80) ? riotRead(address) : tiaRead(address);
}

export function mapWrite(address: u32, value: u32): void {
  if (address & 0x1000) {
    cartWrite(address, value);
  } else if ((address & 0x280) == 0x80) {
    store<u8>(ram + <usize>(address & 0x7f), <u8>value);
  } else if (scheme == Scheme.MC && tigervisionOwns(address)) {
    // The Megacart keeps $00-$3F from the TIA.
    cartWrite(address, value);
  } else {
    if (scheme == Scheme.K3F && tigervisionOwns(address)) tigervisionSelect(value);
    if (scheme == Scheme.K3E && tigervisionOwns(address)) e3HotSpot(address, value);
    if (scheme == Scheme.UA) uaTouch(address);
    if (address & 0x80) riotWrite(address, value);
    else tiaWrite(address, value);
  }
  setDataBus(value);
}

/** A RAM read made by the game layer (ALE's readRam): it too leaves its value on the bus. */
export function peekRam(index: u32): u32 {
  const value = <u32>load<u8>(ram + <usize>(index & 0x7f));
  setDataBus(value);
  return value;
}

/** A RAM write made from outside the CPU (ALE's setRAM). */
export function pokeRam(index: u32, value: u32): void {
  store<u8>(ram + <usize>(index & 0x7f), <u8>value);
  setDataBus(value);
}
