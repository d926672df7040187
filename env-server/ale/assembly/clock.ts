// The machine's cycle count as the devices see it. ALE's emulator restarts
// it from zero at every frame start and every system reset (devices rebase
// their saved time stamps first), and several of its quirks depend on the
// wrap-around of those 32-bit stamps, so we keep the same origin.
//
// ALE runs its "low" 6502 core, which books all of an instruction's cycles
// right after the opcode fetch: every data access of an instruction sees the
// count as of the instruction's end. The CPU does the same (cpu.ts), so the
// TIA and the RIOT take the count as the cycle of the access they handle.

let cycles: u32 = 0;

/** Cycles since the last zeroCycles(), the running instruction's included. */
@inline
export function systemCycles(): u32 {
  return cycles;
}

/** Lets n cycles pass: the CPU booking an instruction, or held by WSYNC. */
@inline
export function addCycles(n: u32): void {
  cycles += n;
}

/** Restarts the count from zero; callers rebase their stamps first. */
export function zeroCycles(): void {
  cycles = 0;
}

/** Restores a saved count (state restore). */
export function setSystemCycles(value: u32): void {
  cycles = value;
}
