// Skips over the CPU polling the RIOT timer: loops that spin (typically
// through VBLANK and overscan) until the timer reads zero, runs out, or
// crosses some value. A loop here is, from its top:
//
//   [INC zp]        a pass counter in RAM (darkchambers)
//   LDA/LDX/LDY INTIM
//   [Bxx out]       leaving on the value read (galaxian: BEQ on zero) ...
//   [CMP/CPX/CPY #] ... or on how it compares (either order)
//   Bxx top         any branch back to the load or the counter
//
// A pass reads only ROM and the timer and writes at most that counter, and
// all but one timer read (the first at least two counts past zero) change
// nothing, so the passes up to that read or to the one that leaves the loop
// can be done in one step: the same cycles, instructions, counter, registers,
// flags and data-bus value as executing them; the CPU then runs the rest.
// While the timer counts down, the passes are counted a range of values at a
// time (the values that load and compare with the same flags), not one by one:
// a TIM8T wait of 1,500 cycles is a few steps, not 200.
import { cpuGetPC, cpuGetA, cpuGetX, cpuGetY, cpuGetS, cpuGetP, cpuSetRegisters } from './cpu';
import { systemCycles, addCycles } from './clock';
import { ram, timerPeek, timerReadsBelow } from './riot';
import { plainStart, plainLength, romByte, scheme, Scheme } from './carts/cartridge';
import { feRead } from './carts/activision';
import { setDataBus } from './bus-state';

const INC_ZP: u32 = 0xe6;
const LDA_ABS: u32 = 0xad;
const LDX_ABS: u32 = 0xae;
const LDY_ABS: u32 = 0xac;
const CMP_IMM: u32 = 0xc9;
const CPX_IMM: u32 = 0xe0;
const CPY_IMM: u32 = 0xc0;
const NO_BRANCH: u32 = 0;
const NO_COMPARE: i32 = -1;
const N: u32 = 0x80;
const Z: u32 = 0x02;
const C: u32 = 0x01;

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

function isTimerRead(address: u32): bool {
  // RIOT I/O (A12 clear, A9 and A7 set), INTIM at offsets 4 and 6.
  return (address & 0x1280) == 0x280 && (address & 0x05) == 0x04;
}

@inline
function isBranch(opcode: u32): bool {
  return (opcode & 0x1f) == 0x10;
}

// Whether a conditional branch is taken with flags p: bits 7-6 of the opcode
// name the flag (N, V, C, Z), bit 5 the value that takes it.
@inline
function taken(branch: u32, p: u32): bool {
  const flag = (0x02014080 >> ((branch >> 6) << 3)) & 0xff;
  return ((p & flag) != 0) == ((branch & 0x20) != 0);
}

@inline
function afterLoad(p: u32, v: u32): u32 {
  return (p & ~(N | Z)) | (v & N) | (v == 0 ? Z : 0);
}

@inline
function afterCompare(p: u32, v: u32, operand: u32): u32 {
  const d = (v - operand) & 0xff;
  return (p & ~(N | Z | C)) | (d & N) | (d == 0 ? Z : 0) | (v >= operand ? C : 0);
}

// The lowest value of v's range: the values from it up to v load the same N
// and Z, and compare to `compare` (if any) with the same N, Z and C.
function floorOfRange(v: u32, compare: i32): u32 {
  let floor: u32 = v >= 0x80 ? 0x80 : (v >= 1 ? 1 : 0);
  if (compare != NO_COMPARE) {
    const c = <u32>compare;
    if (c <= v && c > floor) floor = c;
    if (c + 1 <= v && c + 1 > floor) floor = c + 1;
    const half = (c + 0x80) & 0xff;
    if (half <= v && half > floor) floor = half;
  }
  return floor;
}

/** Passes skipped since power-on: the tests' evidence that a loop was skipped (it changes nothing else). */
export let passesSkipped: u32 = 0;

/**
 * If the CPU sits at the top of a timer-polling loop, runs at once the passes
 * whose timer read changes nothing and go round again, at most `budget`
 * instructions' worth; returns the instructions skipped (0 when none were).
 */
export function skipTimerWait(budget: i32): i32 {
  const top = cpuGetPC();
  if (!fixed(top)) return 0;
  let at = top;
  let counter: u32 = 0;
  let cycles: u32 = 0;
  let instructions: i32 = 1;
  if (code(at) == INC_ZP) {
    counter = code(at + 1);
    if (counter < 0x80) return 0; // the TIA, not RAM
    at += 2;
    cycles = 5;
    instructions = 2;
  }
  const loadOpcode = code(at);
  if ((loadOpcode != LDA_ABS && loadOpcode != LDX_ABS && loadOpcode != LDY_ABS) || !isTimerRead(code(at + 1) | (code(at + 2) << 8))) return 0;
  at += 3;
  cycles += 4;
  const readAt = cycles; // the load's last cycle
  // What follows, up to the branch back to the top.
  const compareOpcode = loadOpcode == LDA_ABS ? CMP_IMM : (loadOpcode == LDX_ABS ? CPX_IMM : CPY_IMM);
  let compare = NO_COMPARE;
  let out = NO_BRANCH; // where it goes does not matter: a pass that takes it is left to the CPU
  let outAfterCompare = false;
  let back = NO_BRANCH;
  for (let k = 0; k < 3 && back == NO_BRANCH; k++) {
    const opcode = code(at);
    if (isBranch(opcode)) {
      const target = (at + 2 + <u32><i8>code(at + 1)) & 0xffff;
      cycles += 2;
      if (target == top) {
        back = opcode;
        cycles += ((at + 2) ^ top) > 0xff ? 2 : 1; // taken, and a cycle more across a page
      } else {
        if (out != NO_BRANCH) return 0;
        out = opcode;
        outAfterCompare = compare != NO_COMPARE;
      }
    } else if (opcode == compareOpcode && compare == NO_COMPARE) {
      compare = code(at + 1);
      cycles += 2;
    } else {
      return 0;
    }
    at += 2;
    instructions++;
  }
  if (back == NO_BRANCH || !fixed(at - 1)) return 0;

  const start = systemCycles();
  const most = budget / instructions;
  let p = cpuGetP();
  let passes: i32 = 0;
  while (passes < most) {
    const readCycle = start + <u32>passes * cycles + readAt;
    const read = timerPeek(readCycle);
    if (read < 0) break;
    const v = <u32>read;
    let q = afterLoad(p, v);
    if (out != NO_BRANCH && !outAfterCompare && taken(out, q)) break;
    if (compare != NO_COMPARE) q = afterCompare(q, v, <u32>compare);
    if (out != NO_BRANCH && outAfterCompare && taken(out, q)) break;
    if (!taken(back, q)) break;
    p = q;
    // Every value from v down to the floor of its range leaves the same flags,
    // so the passes reading them go the same way: on to the first that reads
    // below it (while counting down; once run out, to the next pass).
    const ahead = <i32>(timerReadsBelow(readCycle, floorOfRange(v, compare)) - readCycle);
    passes = min(passes + 1 + (ahead > 0 ? (ahead - 1) / <i32>cycles : 0), most);
  }
  if (passes == 0) return 0;
  passesSkipped += <u32>passes;
  addCycles(<u32>passes * cycles);
  if (counter != 0) {
    const cell = ram + <usize>(counter & 0x7f);
    store<u8>(cell, load<u8>(cell) + <u8>passes);
  }
  // What the last pass loaded.
  const value = <u32>timerPeek(start + <u32>(passes - 1) * cycles + readAt);
  cpuSetRegisters(top, cpuGetS(), loadOpcode == LDA_ABS ? value : cpuGetA(), loadOpcode == LDX_ABS ? value : cpuGetX(),
    loadOpcode == LDY_ABS ? value : cpuGetY(), p);
  // The last byte read: the offset of the branch back (ALE's CPU makes no dummy reads).
  setDataBus(code(at - 1));
  return passes * instructions;
}
