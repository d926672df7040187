// 3E: Tigervision's 3F with 32 KiB of RAM added. Writing n to $3F shows ROM
// bank n (2 KiB) at $000-$7FF of the window; writing n to $3E shows RAM bank
// n mod 32 (1 KiB) there instead, read at $000-$3FF and written at
// $400-$7FF. $800-$FFF always shows the last 2 KiB of ROM.
//
// As in ALE's emulator: $3E and $3F are hot spots but their TIA mirrors
// ($7E, $13F, ...) are not, and those writes reach the TIA as well; reads
// of $00-$3F return the window's bytes instead of TIA registers (see
// memory-map.ts); the RAM's write port reads the RAM too; and a write
// anywhere else in the window reaches the TIA register its address mirrors.
import { banks, romByte, cartRam, randomizeCartRam, setPlain } from './cartridge';
import { tigervisionSelect, tigervisionReset } from './tigervision';
import { tiaWrite } from '../tia';

// banks[0] is ALE's bank number: a ROM bank below it, RAM bank n at RAM_BANKS + n.
const RAM_BANKS: u32 = 256;

function selectRom(bank: u32): void {
  tigervisionSelect(bank);
  setPlain(0, 0x1000);
}

function selectRam(bank: u32): void {
  banks[0] = RAM_BANKS + (bank & 31);
  // The RAM half goes through e3Read/e3Write; the fixed ROM half stays plain.
  setPlain(0x800, 0x1000);
}

export function e3Reset(): void {
  randomizeCartRam(32768);
  tigervisionReset();
  setPlain(0, 0x1000);
}

/** After a state restore: the plain part of the window follows the restored bank. */
export function e3Restore(): void {
  if (banks[0] >= RAM_BANKS) selectRam(banks[0] - RAM_BANKS);
  else setPlain(0, 0x1000);
}

/** A write to $3E or $3F (any address whose low 12 bits are those). */
export function e3HotSpot(address: u32, value: u32): void {
  const offset = address & 0xfff;
  if (offset == 0x3f) selectRom(value);
  else if (offset == 0x3e) selectRam(value);
}

@inline function ramByte(offset: u32): usize {
  return cartRam + (<usize>(banks[0] - RAM_BANKS) << 10) + <usize>(offset & 0x3ff);
}

export function e3Read(address: u32): u32 {
  if ((address & 0xfff) < 0x800 && banks[0] >= RAM_BANKS) return <u32>load<u8>(ramByte(address));
  return romByte(address);
}

export function e3Write(address: u32, value: u32): void {
  const offset = address & 0xfff;
  if (offset >= 0x400 && offset < 0x800 && banks[0] >= RAM_BANKS) {
    store<u8>(ramByte(offset), <u8>value);
    return;
  }
  e3HotSpot(address, value);
  tiaWrite(address, value);
}
