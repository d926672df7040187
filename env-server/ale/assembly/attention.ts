// Requests the frame loop (system.ts) must act on between two instructions,
// gathered in one word so that the loop tests one value per instruction
// instead of a flag per device: V8 keeps wasm globals in memory, so each
// flag cost a load and a branch on every instruction.
export let attention: u32 = 0;

/** WSYNC was written: the TIA holds the CPU until the line ends. */
export const WSYNC: u32 = 1;
/** The TIA ended or cut the frame. */
export const STOP: u32 = 2;
/** A JAM opcode locked the CPU up (only a reset clears it). */
export const JAM: u32 = 4;
/** INTIM was read lately: the CPU may be about to spin in a polling loop. */
export const POLL: u32 = 8;

@inline
export function requestAttention(bits: u32): void {
  attention |= bits;
}

@inline
export function clearAttention(bits: u32): void {
  attention &= ~bits;
}
