// The machine's cycle count as the devices see it. ALE's emulator restarts
// it from zero at every frame start and every system reset (devices rebase
// their saved time stamps first), and several of its quirks depend on the
// wrap-around of those 32-bit stamps, so we keep the same origin.
//
// ALE runs its "low" 6502 core, which books all of an instruction's cycles
// right after the opcode fetch: every data access of an instruction sees the
// count as of the instruction's end. Data accesses that matter for timing
// (TIA, RIOT) are the instruction's last cycle, so that count is the bus's
// count plus the access in progress.
import { busCycles } from './bus';

let stalled: u64 = 0;
let origin: u64 = 0;

/** Cycles since the last zeroCycles(), between instructions. */
@inline
export function systemCycles(): u32 {
  return <u32>(busCycles + stalled - origin);
}

/** Cycles since the last zeroCycles() as seen by a TIA/RIOT access in progress. */
@inline
export function accessCycles(): u32 {
  return <u32>(busCycles + stalled - origin) + 1;
}

/** Holds the CPU for n cycles (WSYNC). */
export function stallCycles(n: u32): void {
  stalled += n;
}

/** Restarts the count from zero; callers rebase their stamps first. */
export function zeroCycles(): void {
  origin = busCycles + stalled;
}

/** Restores a saved count (state restore). */
export function setSystemCycles(value: u32): void {
  origin = busCycles + stalled - <u64>value;
}
