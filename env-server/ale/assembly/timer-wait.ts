// Skips over the CPU polling the RIOT timer: `LDA/LDX/LDY INTIM; BNE back`
// loops that spin (typically through VBLANK and overscan) until the timer
// reaches zero. While the timer has not reached 1 yet, an iteration only
// reads ROM and the timer, so the iterations before the last can be done in
// one step: the same cycles, instructions, register, flags and data-bus
// value as executing them; the CPU then runs the final iterations itself.
import { cpuGetPC, cpuGetA, cpuGetX, cpuGetY, cpuGetS, cpuGetP, cpuSetRegisters } from './cpu';
import { systemCycles, addCycles } from './clock';
import { timerBeforeUnderflow } from './riot';
import { plainStart, plainLength, romByte } from './carts/cartridge';
import { setDataBus } from './bus-state';

const LDA_ABS: u32 = 0xad;
const LDX_ABS: u32 = 0xae;
const LDY_ABS: u32 = 0xac;
const BNE: u32 = 0xd0;
// LDx abs (4 cycles) + BNE taken within the page (3 cycles).
const LOOP_CYCLES: u32 = 7;
// The timer is read by the 4th cycle of the loop.
const READ_AT: u32 = 4;

@inline
function plain(address: u32): bool {
  return (address & 0x1000) != 0 && (address & 0xfff) - plainStart < plainLength;
}

function isTimerRead(address: u32): bool {
  // RIOT I/O (A12 clear, A9 and A7 set), INTIM at offsets 4 and 6.
  return (address & 0x1280) == 0x280 && (address & 0x05) == 0x04;
}

/**
 * If the CPU sits at the top of a timer-polling loop, runs the iterations
 * that will read a non-zero timer at once, at most `budget` instructions'
 * worth; returns the instructions skipped (0 when nothing was skipped).
 */
export function skipTimerWait(budget: i32): i32 {
  const pc = cpuGetPC();
  // The loop's five bytes and the byte the taken branch reads next, all
  // plain ROM in one page.
  if (!plain(pc) || !plain(pc + 5) || (pc & 0xff) > 0xfa) return 0;
  const opcode = romByte(pc);
  if ((opcode != LDA_ABS && opcode != LDX_ABS && opcode != LDY_ABS) || romByte(pc + 3) != BNE || romByte(pc + 4) != 0xfb) return 0;
  const address = romByte(pc + 1) | (romByte(pc + 2) << 8);
  if (!isTimerRead(address)) return 0;
  const start = systemCycles();
  let iterations: i32 = 0;
  let value: i32 = 0;
  while ((iterations + 1) * 2 <= budget) {
    const v = timerBeforeUnderflow(start + <u32>iterations * LOOP_CYCLES + READ_AT);
    if (v < 1) break;
    value = v;
    iterations++;
  }
  if (iterations == 0) return 0;
  addCycles(<u32>iterations * LOOP_CYCLES);
  const v = <u32>value;
  const p = (cpuGetP() & ~0x82) | (v & 0x80);
  cpuSetRegisters(pc, cpuGetS(), opcode == LDA_ABS ? v : cpuGetA(), opcode == LDX_ABS ? v : cpuGetX(),
    opcode == LDY_ABS ? v : cpuGetY(), p);
  // The taken branch's last cycle reads the byte after it.
  setDataBus(romByte(pc + 5));
  return iterations * 2;
}
