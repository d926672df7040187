// Skips over the CPU polling the RIOT timer: `LDA/LDX/LDY INTIM` then `BNE`,
// `BPL` or `BMI` back to it, loops that spin (typically through VBLANK and
// overscan) until the timer reads zero, runs out, or drops below $80. An
// iteration only reads ROM and the timer, and all but one timer read (the
// first at least two counts past zero) change nothing, so the iterations up
// to that read or to the one that leaves the loop can be done in one step:
// the same cycles, instructions, register, flags and data-bus value as
// executing them; the CPU then runs the rest itself.
import { cpuGetPC, cpuGetA, cpuGetX, cpuGetY, cpuGetS, cpuGetP, cpuSetRegisters } from './cpu';
import { systemCycles, addCycles } from './clock';
import { timerPeek } from './riot';
import { plainStart, plainLength, romByte, scheme, Scheme } from './carts/cartridge';
import { feRead } from './carts/activision';
import { setDataBus } from './bus-state';

const LDA_ABS: u32 = 0xad;
const LDX_ABS: u32 = 0xae;
const LDY_ABS: u32 = 0xac;
const BNE: u32 = 0xd0;
const BPL: u32 = 0x10;
const BMI: u32 = 0x30;
// LDx abs (4 cycles) + the branch taken (3 cycles, 4 when the loop's top is
// on the page before the instruction after the branch).
const LOOP_CYCLES: u32 = 7;
// The timer is read by the 4th cycle of the loop.
const READ_AT: u32 = 4;

// The loop's bytes must read the same on every pass with no side effect:
// plain ROM, or any of Activision's FE, which picks the bank by the address.
@inline
function fixed(address: u32): bool {
  return (address & 0x1000) != 0 && (scheme == Scheme.FE || (address & 0xfff) - plainStart < plainLength);
}

@inline
function code(address: u32): u32 {
  return scheme == Scheme.FE ? feRead(address) : romByte(address);
}

// Whether `branch` (BNE, BPL or BMI) is taken after loading v (0-255).
@inline
function loopsOn(branch: u32, v: i32): bool {
  return branch == BNE ? v != 0 : (branch == BPL) == (v < 0x80);
}

function isTimerRead(address: u32): bool {
  // RIOT I/O (A12 clear, A9 and A7 set), INTIM at offsets 4 and 6.
  return (address & 0x1280) == 0x280 && (address & 0x05) == 0x04;
}

/** Passes skipped since power-on: the tests' evidence that a loop was skipped (it changes nothing else). */
export let passesSkipped: u32 = 0;

/**
 * If the CPU sits at the top of a timer-polling loop, runs at once the passes
 * whose timer read changes nothing and branches back, at most `budget`
 * instructions' worth; returns the instructions skipped (0 when none were).
 */
export function skipTimerWait(budget: i32): i32 {
  const pc = cpuGetPC();
  if (!fixed(pc) || !fixed(pc + 4)) return 0;
  const opcode = code(pc);
  const branch = code(pc + 3);
  if ((opcode != LDA_ABS && opcode != LDX_ABS && opcode != LDY_ABS) || (branch != BNE && branch != BPL && branch != BMI) ||
    code(pc + 4) != 0xfb) return 0;
  const address = code(pc + 1) | (code(pc + 2) << 8);
  if (!isTimerRead(address)) return 0;
  const start = systemCycles();
  const cycles = LOOP_CYCLES + ((pc & 0xff) > 0xfa ? 1 : 0);
  let iterations: i32 = 0;
  let value: i32 = 0;
  while ((iterations + 1) * 2 <= budget) {
    const v = timerPeek(start + <u32>iterations * cycles + READ_AT);
    if (v < 0 || !loopsOn(branch, v)) break;
    value = v;
    iterations++;
  }
  if (iterations == 0) return 0;
  passesSkipped += <u32>iterations;
  addCycles(<u32>iterations * cycles);
  const v = <u32>value;
  const p = (cpuGetP() & ~0x82) | (v & 0x80) | (v == 0 ? 0x02 : 0);
  cpuSetRegisters(pc, cpuGetS(), opcode == LDA_ABS ? v : cpuGetA(), opcode == LDX_ABS ? v : cpuGetX(),
    opcode == LDY_ABS ? v : cpuGetY(), p);
  // The last byte read: the branch's offset (ALE's CPU makes no dummy reads).
  setDataBus(code(pc + 4));
  return iterations * 2;
}
