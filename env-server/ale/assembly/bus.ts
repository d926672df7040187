// The 6507's bus: the CPU's accesses, in program order, since the TIA, the
// RIOT and bank-switching cartridges react to the address (and the TIA and
// RIOT to the cycle, see clock.ts) of each of them.
//
// The chip also makes accesses whose result it throws away: the dummy reads
// of implied and indexed modes and of taken branches, and the first
// (unmodified) write of read-modify-write instructions. ALE's CPU (Stella's
// low-compatibility core) leaves those out, so on the console's bus they
// touch nothing (dummyRead/dummyWrite); their cycles are booked all the same.
//
// Flat mode (only the cpu-test build turns it on, with busUseFlat) replaces
// the 2600 memory map by 64 KiB of plain RAM and logs each access, the dummy
// ones included, so that the 6502 tests can check the chip's every cycle. In
// a build that never calls busUseFlat, `flat` is never written, so the
// optimiser folds the test away and the machine pays nothing for it.
import { mapRead, mapWrite } from './memory-map';

let flat = false;
let flatRam: usize = 0;
let flatLog: usize = 0;
let flatLogLength: u32 = 0;

// Room for the longest instruction (8 cycles) with plenty to spare; a jammed
// CPU stepped repeatedly stops being logged once it is full.
const FLAT_LOG_CAPACITY: u32 = 64;

// Log entry layout (one u32): bits 0-15 address, 16-23 value, bit 24 set for a write.
export const FLAT_LOG_WRITE: u32 = 1 << 24;

@inline
export function read(addr: u32): u32 {
  return flat ? flatRead(addr) : mapRead(addr);
}

@inline
export function write(addr: u32, value: u32): void {
  if (flat) flatWrite(addr, value);
  else mapWrite(addr, value);
}

/** A read the chip makes and ALE's CPU does not. */
@inline
export function dummyRead(addr: u32): void {
  if (flat) flatRead(addr);
}

/** A write the chip makes and ALE's CPU does not. */
@inline
export function dummyWrite(addr: u32, value: u32): void {
  if (flat) flatWrite(addr, value);
}

export function busUseFlat(): void {
  if (flat) return;
  flatRam = heap.alloc(0x10000);
  flatLog = heap.alloc(FLAT_LOG_CAPACITY << 2);
  memory.fill(flatRam, 0, 0x10000);
  flat = true;
}

export function flatRamPointer(): usize {
  return flatRam;
}

export function flatLogPointer(): usize {
  return flatLog;
}

export function flatLogLengthGet(): u32 {
  return flatLogLength;
}

export function flatLogClear(): void {
  flatLogLength = 0;
}

function flatLogAppend(entry: u32): void {
  if (flatLogLength < FLAT_LOG_CAPACITY) {
    store<u32>(flatLog + (<usize>flatLogLength << 2), entry);
    flatLogLength++;
  }
}

function flatRead(addr: u32): u32 {
  const value = <u32>load<u8>(flatRam + <usize>(addr & 0xffff));
  flatLogAppend((addr & 0xffff) | (value << 16));
  return value;
}

function flatWrite(addr: u32, value: u32): void {
  store<u8>(flatRam + <usize>(addr & 0xffff), <u8>value);
  flatLogAppend((addr & 0xffff) | ((value & 0xff) << 16) | FLAT_LOG_WRITE);
}
