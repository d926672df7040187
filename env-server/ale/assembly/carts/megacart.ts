// Chris Wilkson's Megacart (MC, 128 KiB): the window is four 1 KiB slots,
// each showing the block last written to $3C-$3F (one per slot): block
// $80-$FF is ROM block (n & $7F), block $00-$7F a 512-byte block (n & $3F) of
// 32 KiB of RAM, written in the slot's first half and read in its second.
// While the CPU fetches the reset vector ($FFFC/$FFFD) slot 3 shows the last
// ROM block until the program touches $000-$BFF of the window.
//
// As in ALE's emulator: the cart owns $00-$3F outright, so reads there give 0
// and writes never reach the TIA (one to $00-$3B writes slot 0's RAM block
// if it holds one); reading a RAM write port clears that byte and gives 0;
// the slot registers start at 0 here (ALE leaves them unset; programs write
// them before use).
import { banks, image, cartRam, randomizeCartRam } from './cartridge';

let slot3Locked = false;

/** The cart's power-on state, set once when the cart is loaded. */
export function mcLoad(): void {
  for (let i = 0; i < 4; i++) banks[i] = 0;
  slot3Locked = false;
}

export function mcReset(): void {
  randomizeCartRam(32768);
}

// Every access the cart sees (12-bit and A12: $0000-$1FFF) may lock or unlock slot 3.
function watchLock(address: u32): void {
  if (address == 0x1ffc || address == 0x1ffd) slot3Locked = true;
  else if (slot3Locked && address >= 0x1000 && address < 0x1c00) slot3Locked = false;
}

function blockAt(address: u32): u32 {
  const slot = (address >> 10) & 3;
  return slot3Locked && slot == 3 ? 0xff : banks[slot];
}

@inline function ramByte(block: u32, address: u32): usize {
  return cartRam + (<usize>(block & 0x3f) << 9) + <usize>(address & 0x1ff);
}

export function mcRead(addr: u32): u32 {
  const address = addr & 0x1fff;
  watchLock(address);
  if (address < 0x1000) return 0;
  const block = blockAt(address);
  if (block & 0x80) return <u32>load<u8>(image + (<usize>(block & 0x7f) << 10) + <usize>(address & 0x3ff));
  if (address & 0x200) return <u32>load<u8>(ramByte(block, address));
  store<u8>(ramByte(block, address), 0);
  return 0;
}

export function mcWrite(addr: u32, value: u32): void {
  const address = addr & 0x1fff;
  watchLock(address);
  if (address >= 0x3c && address <= 0x3f) {
    banks[address - 0x3c] = value;
    return;
  }
  const block = blockAt(address);
  if (!(block & 0x80) && !(address & 0x200)) store<u8>(ramByte(block, address), <u8>value);
}

const MC_STATE_SIZE: usize = 1;

export function mcSave(p: usize): usize {
  store<u8>(p, slot3Locked ? 1 : 0);
  return p + MC_STATE_SIZE;
}

export function mcRestore(p: usize): usize {
  slot3Locked = load<u8>(p) != 0;
  return p + MC_STATE_SIZE;
}
