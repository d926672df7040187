// The 2600's CPU: an NMOS 6502 die in the 6507 package (13 address pins, no
// IRQ/NMI). All 256 opcodes, undocumented ones included, with NMOS decimal
// mode, and every bus access of the real chip in cycle order; the ones ALE's
// CPU does not make (dummy reads, the first write of read-modify-write
// instructions) go through bus.dummyRead/dummyWrite. Its stack reads in
// JSR, RTS, RTI, PLA and PLP and RTS's read of the byte it returns to are
// real reads, as ALE's CPU makes them too. The 13-bit address mask belongs
// to the memory map: here PC and addresses are 16 bits.
//
// Cycles are booked as ALE's CPU books them (see clock.ts): an instruction's
// base count from CYCLES right after the opcode fetch; a page crossing or a
// taken branch adds its cycles before any later access.
//
// A whole instruction runs per cpuStep(), dispatched by one switch (a
// br_table). PC is passed in and returned: the frame loop keeps it in a
// local. Registers and flags live in globals (in locals of the frame loop as
// well, measured on a hand-patched build, the loop ran 12-26% slower). N and
// Z are kept lazily in flagNZ, mostly as the result byte they were computed
// from: Z is set when its low byte is zero, N when bit 7 or bit 8 is. Only
// BIT and decimal ADC, whose N does not come from the Z byte, put N in bit 8
// (keeping bit 7 clear unless N is set).
//
// Tested on the flat bus of cpu-test.wasm against Tom Harte's single-step
// 6502 vectors (test/ale/cpu.test.ts: registers, memory and the access of
// every cycle, for all 256 opcodes; where that data is known to differ from
// silicon the hardware behaviour is checked), and for reset, save state and a
// multi-instruction program by test/ale/cpu-state.test.ts.
import { read, write, dummyRead, dummyWrite } from './bus';
import { addCycles, systemCycles } from './clock';
import { attention, requestAttention, clearAttention, JAM } from './attention';

let regA: u32 = 0;
let regX: u32 = 0;
let regY: u32 = 0;
let regS: u32 = 0xff;
let regPC: u32 = 0;
let flagC: u32 = 0;
let flagNZ: u32 = 1;
let flagV: u32 = 0;
let flagD: u32 = 0;
let flagI: u32 = 0;

// Set by the JAM (KIL) opcodes (kept in the frame loop's attention word);
// only a reset or a state load clears it.
@inline
export function cpuJammed(): bool {
  return (attention & JAM) != 0;
}

// The unstable ANE (0x8B) and LXA (0xAB) opcodes OR A with a chip-dependent
// constant; 0xEE is the value most chips show and the one the tests assume.
const MAGIC: u32 = 0xee;

// Status bits (NV1BDIZC) that are not simply shifted into place.
const P_C: u32 = 0x01;
const P_Z: u32 = 0x02;
const P_B: u32 = 0x10;
const P_U: u32 = 0x20;
const P_N: u32 = 0x80;

// ---- registers ----------------------------------------------------------

export function cpuGetA(): u32 { return regA; }
export function cpuGetX(): u32 { return regX; }
export function cpuGetY(): u32 { return regY; }
export function cpuGetS(): u32 { return regS; }
export function cpuGetPC(): u32 { return regPC; }

/** Stores the PC that the frame loop keeps in a local (see cpuExecute). */
export function cpuSetPC(pc: u32): void { regPC = pc; }

// Status byte NV1BDIZC as PHP would see it, but with B clear.
export function cpuGetP(): u32 {
  return ((flagNZ | (flagNZ >> 1)) & P_N) | (flagV << 6) | P_U | (flagD << 3) | (flagI << 2) |
    ((flagNZ & 0xff) == 0 ? P_Z : 0) | flagC;
}

export function cpuSetP(p: u32): void {
  flagNZ = ((p & P_N) << 1) | ((p & P_Z) ^ P_Z);
  flagV = (p >> 6) & 1;
  flagD = (p >> 3) & 1;
  flagI = (p >> 2) & 1;
  flagC = p & P_C;
}

export function cpuSetRegisters(pc: u32, s: u32, a: u32, x: u32, y: u32, p: u32): void {
  regPC = pc & 0xffff;
  regS = s & 0xff;
  regA = a & 0xff;
  regX = x & 0xff;
  regY = y & 0xff;
  cpuSetP(p);
  clearAttention(JAM);
}

// As ALE (Stella) resets: A = X = Y = 0, S = 0xFF, P = 0x20, PC from the
// reset vector, read through the bus without booking cycles.
export function cpuReset(): void {
  clearAttention(JAM);
  regA = regX = regY = 0;
  regS = 0xff;
  cpuSetP(P_U);
  const lo = read(0xfffc);
  regPC = lo | (read(0xfffd) << 8);
}

// ---- save state ---------------------------------------------------------
// CPU_STATE_SIZE bytes at ptr: 0-1 PC (little endian), 2 A, 3 X, 4 Y, 5 S,
// 6 P (bit 5 set, B clear), 7 jammed (0 or 1). The cycle count belongs to the
// clock and is saved by the machine.

export const CPU_STATE_SIZE: u32 = 8;

export function cpuSaveState(ptr: usize): void {
  store<u16>(ptr, <u16>regPC);
  store<u8>(ptr, <u8>regA, 2);
  store<u8>(ptr, <u8>regX, 3);
  store<u8>(ptr, <u8>regY, 4);
  store<u8>(ptr, <u8>regS, 5);
  store<u8>(ptr, <u8>cpuGetP(), 6);
  store<u8>(ptr, <u8>cpuJammed(), 7);
}

export function cpuLoadState(ptr: usize): void {
  cpuSetRegisters(load<u16>(ptr), load<u8>(ptr, 5), load<u8>(ptr, 2), load<u8>(ptr, 3),
    load<u8>(ptr, 4), load<u8>(ptr, 6));
  if (load<u8>(ptr, 7) != 0) requestAttention(JAM);
}

// ---- operands, stack, addressing modes ---------------------------------
// The frame loop keeps PC in a local, since the wasm engine keeps globals in
// memory and every fetch used to load and store one: cpuExecute takes the
// opcode's address and returns the next PC, and the helpers here take the
// opcode's address pc and read the operand bytes after it. The addressing
// modes return the effective address after making the mode's bus accesses;
// the *Read variants add the page-crossing cycle only when it happens, the
// *Write variants (stores and read-modify-write) always make it.

@inline function operand(pc: u32): u32 {
  return read((pc + 1) & 0xffff);
}

@inline function operandWord(pc: u32): u32 {
  const lo = read((pc + 1) & 0xffff);
  return lo | (read((pc + 2) & 0xffff) << 8);
}

// The throw-away read of the next byte made by one-byte instructions.
@inline function idle(pc: u32): void {
  dummyRead((pc + 1) & 0xffff);
}

@inline function push(v: u32): void {
  write(0x100 | regS, v);
  regS = (regS - 1) & 0xff;
}

@inline function pull(): u32 {
  regS = (regS + 1) & 0xff;
  return read(0x100 | regS);
}

@inline function zp(pc: u32): u32 {
  return operand(pc);
}

@inline function zpIndexed(pc: u32, index: u32): u32 {
  const base = operand(pc);
  dummyRead(base);
  return (base + index) & 0xff;
}

@inline function abs(pc: u32): u32 {
  return operandWord(pc);
}

@inline function absIndexedRead(pc: u32, index: u32): u32 {
  const base = operandWord(pc);
  const addr = (base + index) & 0xffff;
  if ((addr ^ base) & 0x100) pageCrossing(base, addr);
  return addr;
}

@inline function absIndexedWrite(pc: u32, index: u32): u32 {
  const base = operandWord(pc);
  const addr = (base + index) & 0xffff;
  dummyRead((base & 0xff00) | (addr & 0xff));
  return addr;
}

@inline function izx(pc: u32): u32 {
  const base = operand(pc);
  dummyRead(base);
  const ptr = (base + regX) & 0xff;
  const lo = read(ptr);
  return lo | (read((ptr + 1) & 0xff) << 8);
}

@inline function izyBase(pc: u32): u32 {
  const ptr = operand(pc);
  const lo = read(ptr);
  return lo | (read((ptr + 1) & 0xff) << 8);
}

// An indexed read or a taken branch whose address carries into the high byte
// takes a cycle more, first reading the address with the uncarried high byte.
@inline function pageCrossing(base: u32, addr: u32): void {
  dummyRead((base & 0xff00) | (addr & 0xff));
  addCycles(1);
}

@inline function izyRead(pc: u32): u32 {
  const base = izyBase(pc);
  const addr = (base + regY) & 0xffff;
  if ((addr ^ base) & 0x100) pageCrossing(base, addr);
  return addr;
}

@inline function izyWrite(pc: u32): u32 {
  const base = izyBase(pc);
  const addr = (base + regY) & 0xffff;
  dummyRead((base & 0xff00) | (addr & 0xff));
  return addr;
}

// The read and the write-back of the unmodified value that start every
// read-modify-write instruction; the caller writes the result.
@inline function modify(addr: u32): u32 {
  const v = read(addr);
  dummyWrite(addr, v);
  return v;
}

// ---- operations ---------------------------------------------------------

@inline function setNZ(v: u32): u32 {
  flagNZ = v;
  return v;
}

@inline function ora(v: u32): void { regA = setNZ(regA | v); }
@inline function and(v: u32): void { regA = setNZ(regA & v); }
@inline function eor(v: u32): void { regA = setNZ(regA ^ v); }
@inline function lda(v: u32): void { regA = setNZ(v); }
@inline function ldx(v: u32): void { regX = setNZ(v); }
@inline function ldy(v: u32): void { regY = setNZ(v); }
@inline function lax(v: u32): void { regA = regX = setNZ(v); }

@inline function compare(reg: u32, v: u32): void {
  const d = reg - v;
  flagC = reg >= v ? 1 : 0;
  setNZ(d & 0xff);
}

@inline function bit(v: u32): void {
  flagNZ = ((v & P_N) << 1) | (regA & v);
  flagV = (v >> 6) & 1;
}

@inline function asl(v: u32): u32 {
  flagC = v >> 7;
  return setNZ((v << 1) & 0xff);
}

@inline function lsr(v: u32): u32 {
  flagC = v & 1;
  return setNZ(v >> 1);
}

@inline function rol(v: u32): u32 {
  const r = ((v << 1) | flagC) & 0xff;
  flagC = v >> 7;
  return setNZ(r);
}

@inline function ror(v: u32): u32 {
  const r = (v >> 1) | (flagC << 7);
  flagC = v & 1;
  return setNZ(r);
}

@inline function inc(v: u32): u32 { return setNZ((v + 1) & 0xff); }
@inline function dec(v: u32): u32 { return setNZ((v - 1) & 0xff); }

// NMOS decimal mode: Z comes from the binary sum, N and V from the sum after
// the low-digit adjustment only, C from the fully adjusted sum.
function adc(v: u32): void {
  const a = regA;
  const c = flagC;
  if (flagD) {
    let lo = (a & 0x0f) + (v & 0x0f) + c;
    if (lo >= 0x0a) lo = ((lo + 0x06) & 0x0f) + 0x10;
    let sum = (a & 0xf0) + (v & 0xf0) + lo;
    flagNZ = ((sum & P_N) << 1) | (((a + v + c) & 0xff) != 0 ? 1 : 0);
    flagV = ((~(a ^ v) & (a ^ sum)) >> 7) & 1;
    if (sum >= 0xa0) sum += 0x60;
    flagC = sum >= 0x100 ? 1 : 0;
    regA = sum & 0xff;
  } else {
    const sum = a + v + c;
    flagV = ((~(a ^ v) & (a ^ sum)) >> 7) & 1;
    flagC = sum >> 8;
    regA = setNZ(sum & 0xff);
  }
}

// NMOS decimal subtraction: all flags are those of the binary subtraction;
// only the accumulator is adjusted.
function sbc(v: u32): void {
  const a = regA;
  const borrow = 1 - flagC;
  const diff = a - v - borrow;
  flagV = (((a ^ v) & (a ^ diff)) >> 7) & 1;
  flagC = diff < 0x100 ? 1 : 0;
  setNZ(diff & 0xff);
  if (flagD) {
    let lo = <i32>(a & 0x0f) - <i32>(v & 0x0f) - <i32>borrow;
    if (lo < 0) lo = ((lo - 0x06) & 0x0f) - 0x10;
    let r = <i32>(a & 0xf0) - <i32>(v & 0xf0) + lo;
    if (r < 0) r -= 0x60;
    regA = <u32>r & 0xff;
  } else {
    regA = diff & 0xff;
  }
}

// ARR: AND then ROR A, with C and V taken from bits 6 and 5 of the result;
// in decimal mode the NMOS chip also applies a BCD fix-up to A and C.
function arr(v: u32): void {
  const t = regA & v;
  let r = (t >> 1) | (flagC << 7);
  setNZ(r);
  if (flagD) {
    flagV = ((t ^ r) >> 6) & 1;
    if ((t & 0x0f) + (t & 0x01) > 0x05) r = (r & 0xf0) | ((r + 0x06) & 0x0f);
    if ((t & 0xf0) + (t & 0x10) > 0x50) {
      r = (r + 0x60) & 0xff;
      flagC = 1;
    } else {
      flagC = 0;
    }
  } else {
    flagC = (r >> 6) & 1;
    flagV = ((r >> 6) ^ (r >> 5)) & 1;
  }
  regA = r;
}

// Returns the next PC: the byte after the branch or the target.
@inline function branch(pc: u32, taken: bool): u32 {
  const offset = operand(pc);
  const next = (pc + 2) & 0xffff;
  let to = next;
  if (taken) {
    dummyRead(next);
    addCycles(1);
    to = (next + <u32><i32><i8>offset) & 0xffff;
    if ((to ^ next) & 0xff00) pageCrossing(next, to);
  }
  return to;
}

// SHA/SHX/SHY/TAS store value & (high byte of the base address + 1). When the
// index carries into the high byte, the chip puts that same stored value on
// the high address lines instead of the carried high byte.
@inline function storeHigh(base: u32, index: u32, value: u32): void {
  const lo = (base & 0xff) + index;
  dummyRead((base & 0xff00) | (lo & 0xff));
  const v = value & ((base >> 8) + 1);
  const hi = lo > 0xff ? v : base >> 8;
  write((hi << 8) | (lo & 0xff), v);
}

// The JAM opcodes stop the instruction sequencer: after the opcode and the
// next byte, the bus reads $FFFF, $FFFE, $FFFE, then $FFFF on every cycle
// until reset.
function jam(pc: u32): void {
  idle(pc);
  read(0xffff);
  read(0xfffe);
  read(0xfffe);
  requestAttention(JAM);
}

// ---- execution ----------------------------------------------------------

// Cycles of each opcode without page crossings and taken branches (NMOS 6502
// timing; JAM: the five cycles before it locks up).
const CYCLES: usize = memory.data<u8>([
  // 0  1  2  3  4  5  6  7  8  9  A  B  C  D  E  F
  7, 6, 5, 8, 3, 3, 5, 5, 3, 2, 2, 2, 4, 4, 6, 6, // 0
  2, 5, 5, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7, // 1
  6, 6, 5, 8, 3, 3, 5, 5, 4, 2, 2, 2, 4, 4, 6, 6, // 2
  2, 5, 5, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7, // 3
  6, 6, 5, 8, 3, 3, 5, 5, 3, 2, 2, 2, 3, 4, 6, 6, // 4
  2, 5, 5, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7, // 5
  6, 6, 5, 8, 3, 3, 5, 5, 4, 2, 2, 2, 5, 4, 6, 6, // 6
  2, 5, 5, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7, // 7
  2, 6, 2, 6, 3, 3, 3, 3, 2, 2, 2, 2, 4, 4, 4, 4, // 8
  2, 6, 5, 6, 4, 4, 4, 4, 2, 5, 2, 5, 5, 5, 5, 5, // 9
  2, 6, 2, 6, 3, 3, 3, 3, 2, 2, 2, 2, 4, 4, 4, 4, // A
  2, 5, 5, 5, 4, 4, 4, 4, 2, 4, 2, 4, 4, 4, 4, 4, // B
  2, 6, 2, 8, 3, 3, 5, 5, 2, 2, 2, 2, 4, 4, 6, 6, // C
  2, 5, 5, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7, // D
  2, 6, 2, 8, 3, 3, 5, 5, 2, 2, 2, 2, 4, 4, 6, 6, // E
  2, 5, 5, 8, 4, 4, 6, 6, 2, 4, 2, 7, 4, 4, 7, 7, // F
]);

// Executes one instruction and returns the cycles it took. A jammed CPU
// spends one cycle reading $FFFF per call.
export function cpuStep(): i32 {
  if (cpuJammed()) {
    addCycles(1);
    read(0xffff);
    return 1;
  }
  const start = systemCycles();
  regPC = cpuExecute(regPC);
  return <i32>(systemCycles() - start);
}

// One instruction of a CPU that is not jammed. Inlined into the frame loop
// (system.ts), its only caller in the console, to save a call per
// instruction; the loop stops at a JAM, so it need not test for one. Takes
// PC and returns the next one (the loop keeps PC in a local: see above).
@inline
export function cpuExecute(pc: u32): u32 {
  const op = read(pc);
  addCycles(<u32>load<u8>(CYCLES + <usize>op));
  // Each case sets the next PC, as an offset from pc where it does not jump:
  // taken from a table, it would wait for the opcode's load and keep the
  // processor from running ahead into the next instruction.
  let next: u32;
  switch (op) {
    // -- loads, stores, logic and arithmetic: one case per addressing mode
    case 0x01: ora(read(izx(pc))); next = pc + 2; break;
    case 0x05: ora(read(zp(pc))); next = pc + 2; break;
    case 0x09: ora(operand(pc)); next = pc + 2; break;
    case 0x0d: ora(read(abs(pc))); next = pc + 3; break;
    case 0x11: ora(read(izyRead(pc))); next = pc + 2; break;
    case 0x15: ora(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0x19: ora(read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0x1d: ora(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0x21: and(read(izx(pc))); next = pc + 2; break;
    case 0x25: and(read(zp(pc))); next = pc + 2; break;
    case 0x29: and(operand(pc)); next = pc + 2; break;
    case 0x2d: and(read(abs(pc))); next = pc + 3; break;
    case 0x31: and(read(izyRead(pc))); next = pc + 2; break;
    case 0x35: and(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0x39: and(read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0x3d: and(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0x41: eor(read(izx(pc))); next = pc + 2; break;
    case 0x45: eor(read(zp(pc))); next = pc + 2; break;
    case 0x49: eor(operand(pc)); next = pc + 2; break;
    case 0x4d: eor(read(abs(pc))); next = pc + 3; break;
    case 0x51: eor(read(izyRead(pc))); next = pc + 2; break;
    case 0x55: eor(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0x59: eor(read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0x5d: eor(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0x61: adc(read(izx(pc))); next = pc + 2; break;
    case 0x65: adc(read(zp(pc))); next = pc + 2; break;
    case 0x69: adc(operand(pc)); next = pc + 2; break;
    case 0x6d: adc(read(abs(pc))); next = pc + 3; break;
    case 0x71: adc(read(izyRead(pc))); next = pc + 2; break;
    case 0x75: adc(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0x79: adc(read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0x7d: adc(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0x81: write(izx(pc), regA); next = pc + 2; break;
    case 0x85: write(zp(pc), regA); next = pc + 2; break;
    case 0x8d: write(abs(pc), regA); next = pc + 3; break;
    case 0x91: write(izyWrite(pc), regA); next = pc + 2; break;
    case 0x95: write(zpIndexed(pc, regX), regA); next = pc + 2; break;
    case 0x99: write(absIndexedWrite(pc, regY), regA); next = pc + 3; break;
    case 0x9d: write(absIndexedWrite(pc, regX), regA); next = pc + 3; break;

    case 0x84: write(zp(pc), regY); next = pc + 2; break;
    case 0x8c: write(abs(pc), regY); next = pc + 3; break;
    case 0x94: write(zpIndexed(pc, regX), regY); next = pc + 2; break;

    case 0x86: write(zp(pc), regX); next = pc + 2; break;
    case 0x8e: write(abs(pc), regX); next = pc + 3; break;
    case 0x96: write(zpIndexed(pc, regY), regX); next = pc + 2; break;

    case 0xa1: lda(read(izx(pc))); next = pc + 2; break;
    case 0xa5: lda(read(zp(pc))); next = pc + 2; break;
    case 0xa9: lda(operand(pc)); next = pc + 2; break;
    case 0xad: lda(read(abs(pc))); next = pc + 3; break;
    case 0xb1: lda(read(izyRead(pc))); next = pc + 2; break;
    case 0xb5: lda(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0xb9: lda(read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0xbd: lda(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0xa2: ldx(operand(pc)); next = pc + 2; break;
    case 0xa6: ldx(read(zp(pc))); next = pc + 2; break;
    case 0xae: ldx(read(abs(pc))); next = pc + 3; break;
    case 0xb6: ldx(read(zpIndexed(pc, regY))); next = pc + 2; break;
    case 0xbe: ldx(read(absIndexedRead(pc, regY))); next = pc + 3; break;

    case 0xa0: ldy(operand(pc)); next = pc + 2; break;
    case 0xa4: ldy(read(zp(pc))); next = pc + 2; break;
    case 0xac: ldy(read(abs(pc))); next = pc + 3; break;
    case 0xb4: ldy(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0xbc: ldy(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0xc1: compare(regA, read(izx(pc))); next = pc + 2; break;
    case 0xc5: compare(regA, read(zp(pc))); next = pc + 2; break;
    case 0xc9: compare(regA, operand(pc)); next = pc + 2; break;
    case 0xcd: compare(regA, read(abs(pc))); next = pc + 3; break;
    case 0xd1: compare(regA, read(izyRead(pc))); next = pc + 2; break;
    case 0xd5: compare(regA, read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0xd9: compare(regA, read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0xdd: compare(regA, read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0xe0: compare(regX, operand(pc)); next = pc + 2; break;
    case 0xe4: compare(regX, read(zp(pc))); next = pc + 2; break;
    case 0xec: compare(regX, read(abs(pc))); next = pc + 3; break;
    case 0xc0: compare(regY, operand(pc)); next = pc + 2; break;
    case 0xc4: compare(regY, read(zp(pc))); next = pc + 2; break;
    case 0xcc: compare(regY, read(abs(pc))); next = pc + 3; break;

    case 0xe1: sbc(read(izx(pc))); next = pc + 2; break;
    case 0xe5: sbc(read(zp(pc))); next = pc + 2; break;
    case 0xe9: case 0xeb: sbc(operand(pc)); next = pc + 2; break;
    case 0xed: sbc(read(abs(pc))); next = pc + 3; break;
    case 0xf1: sbc(read(izyRead(pc))); next = pc + 2; break;
    case 0xf5: sbc(read(zpIndexed(pc, regX))); next = pc + 2; break;
    case 0xf9: sbc(read(absIndexedRead(pc, regY))); next = pc + 3; break;
    case 0xfd: sbc(read(absIndexedRead(pc, regX))); next = pc + 3; break;

    case 0x24: bit(read(zp(pc))); next = pc + 2; break;
    case 0x2c: bit(read(abs(pc))); next = pc + 3; break;

    // -- read-modify-write
    case 0x0a: idle(pc); regA = asl(regA); next = pc + 1; break;
    case 0x06: { const a = zp(pc); write(a, asl(modify(a))); next = pc + 2; break; }
    case 0x0e: { const a = abs(pc); write(a, asl(modify(a))); next = pc + 3; break; }
    case 0x16: { const a = zpIndexed(pc, regX); write(a, asl(modify(a))); next = pc + 2; break; }
    case 0x1e: { const a = absIndexedWrite(pc, regX); write(a, asl(modify(a))); next = pc + 3; break; }

    case 0x2a: idle(pc); regA = rol(regA); next = pc + 1; break;
    case 0x26: { const a = zp(pc); write(a, rol(modify(a))); next = pc + 2; break; }
    case 0x2e: { const a = abs(pc); write(a, rol(modify(a))); next = pc + 3; break; }
    case 0x36: { const a = zpIndexed(pc, regX); write(a, rol(modify(a))); next = pc + 2; break; }
    case 0x3e: { const a = absIndexedWrite(pc, regX); write(a, rol(modify(a))); next = pc + 3; break; }

    case 0x4a: idle(pc); regA = lsr(regA); next = pc + 1; break;
    case 0x46: { const a = zp(pc); write(a, lsr(modify(a))); next = pc + 2; break; }
    case 0x4e: { const a = abs(pc); write(a, lsr(modify(a))); next = pc + 3; break; }
    case 0x56: { const a = zpIndexed(pc, regX); write(a, lsr(modify(a))); next = pc + 2; break; }
    case 0x5e: { const a = absIndexedWrite(pc, regX); write(a, lsr(modify(a))); next = pc + 3; break; }

    case 0x6a: idle(pc); regA = ror(regA); next = pc + 1; break;
    case 0x66: { const a = zp(pc); write(a, ror(modify(a))); next = pc + 2; break; }
    case 0x6e: { const a = abs(pc); write(a, ror(modify(a))); next = pc + 3; break; }
    case 0x76: { const a = zpIndexed(pc, regX); write(a, ror(modify(a))); next = pc + 2; break; }
    case 0x7e: { const a = absIndexedWrite(pc, regX); write(a, ror(modify(a))); next = pc + 3; break; }

    case 0xc6: { const a = zp(pc); write(a, dec(modify(a))); next = pc + 2; break; }
    case 0xce: { const a = abs(pc); write(a, dec(modify(a))); next = pc + 3; break; }
    case 0xd6: { const a = zpIndexed(pc, regX); write(a, dec(modify(a))); next = pc + 2; break; }
    case 0xde: { const a = absIndexedWrite(pc, regX); write(a, dec(modify(a))); next = pc + 3; break; }

    case 0xe6: { const a = zp(pc); write(a, inc(modify(a))); next = pc + 2; break; }
    case 0xee: { const a = abs(pc); write(a, inc(modify(a))); next = pc + 3; break; }
    case 0xf6: { const a = zpIndexed(pc, regX); write(a, inc(modify(a))); next = pc + 2; break; }
    case 0xfe: { const a = absIndexedWrite(pc, regX); write(a, inc(modify(a))); next = pc + 3; break; }

    // -- register transfers, increments, flags
    case 0xaa: idle(pc); regX = setNZ(regA); next = pc + 1; break;
    case 0xa8: idle(pc); regY = setNZ(regA); next = pc + 1; break;
    case 0x8a: idle(pc); regA = setNZ(regX); next = pc + 1; break;
    case 0x98: idle(pc); regA = setNZ(regY); next = pc + 1; break;
    case 0xba: idle(pc); regX = setNZ(regS); next = pc + 1; break;
    case 0x9a: idle(pc); regS = regX; next = pc + 1; break;
    case 0xe8: idle(pc); regX = inc(regX); next = pc + 1; break;
    case 0xc8: idle(pc); regY = inc(regY); next = pc + 1; break;
    case 0xca: idle(pc); regX = dec(regX); next = pc + 1; break;
    case 0x88: idle(pc); regY = dec(regY); next = pc + 1; break;
    case 0x18: idle(pc); flagC = 0; next = pc + 1; break;
    case 0x38: idle(pc); flagC = 1; next = pc + 1; break;
    case 0x58: idle(pc); flagI = 0; next = pc + 1; break;
    case 0x78: idle(pc); flagI = 1; next = pc + 1; break;
    case 0xb8: idle(pc); flagV = 0; next = pc + 1; break;
    case 0xd8: idle(pc); flagD = 0; next = pc + 1; break;
    case 0xf8: idle(pc); flagD = 1; next = pc + 1; break;

    // -- branches
    case 0x10: next = branch(pc, (flagNZ & 0x180) == 0); break;
    case 0x30: next = branch(pc, (flagNZ & 0x180) != 0); break;
    case 0x50: next = branch(pc, flagV == 0); break;
    case 0x70: next = branch(pc, flagV != 0); break;
    case 0x90: next = branch(pc, flagC == 0); break;
    case 0xb0: next = branch(pc, flagC != 0); break;
    case 0xd0: next = branch(pc, (flagNZ & 0xff) != 0); break;
    case 0xf0: next = branch(pc, (flagNZ & 0xff) == 0); break;

    // -- jumps, subroutines, stack
    case 0x4c: next = operandWord(pc); break;
    case 0x6c: {
      const ptr = operandWord(pc);
      const lo = read(ptr);
      // The pointer's high byte is read without a carry into its page.
      next = lo | (read((ptr & 0xff00) | ((ptr + 1) & 0xff)) << 8);
      break;
    }
    case 0x20: {
      const lo = operand(pc);
      read(0x100 | regS);
      // The address of the high byte is pushed, and the high byte fetched
      // after the pushes, which may have overwritten it.
      const high = (pc + 2) & 0xffff;
      push(high >> 8);
      push(high & 0xff);
      next = lo | (read(high) << 8);
      break;
    }
    case 0x60: {
      idle(pc);
      read(0x100 | regS);
      const lo = pull();
      const back = lo | (pull() << 8);
      read(back);
      next = (back + 1) & 0xffff;
      break;
    }
    case 0x40: {
      idle(pc);
      read(0x100 | regS);
      cpuSetP(pull());
      const lo = pull();
      next = lo | (pull() << 8);
      break;
    }
    case 0x00: {
      operand(pc);
      const back = (pc + 2) & 0xffff;
      push(back >> 8);
      push(back & 0xff);
      push(cpuGetP() | P_B);
      flagI = 1;
      const lo = read(0xfffe);
      next = lo | (read(0xffff) << 8);
      break;
    }
    case 0x48: idle(pc); push(regA); next = pc + 1; break;
    case 0x08: idle(pc); push(cpuGetP() | P_B); next = pc + 1; break;
    case 0x68: idle(pc); read(0x100 | regS); regA = setNZ(pull()); next = pc + 1; break;
    case 0x28: idle(pc); read(0x100 | regS); cpuSetP(pull()); next = pc + 1; break;

    // -- NOPs, documented and not; the operand is still read
    case 0xea: case 0x1a: case 0x3a: case 0x5a: case 0x7a: case 0xda: case 0xfa:
      idle(pc); next = pc + 1; break;
    case 0x80: case 0x82: case 0x89: case 0xc2: case 0xe2: operand(pc); next = pc + 2; break;
    case 0x04: case 0x44: case 0x64: read(zp(pc)); next = pc + 2; break;
    case 0x14: case 0x34: case 0x54: case 0x74: case 0xd4: case 0xf4:
      read(zpIndexed(pc, regX)); next = pc + 2; break;
    case 0x0c: read(abs(pc)); next = pc + 3; break;
    case 0x1c: case 0x3c: case 0x5c: case 0x7c: case 0xdc: case 0xfc:
      read(absIndexedRead(pc, regX)); next = pc + 3; break;

    // -- undocumented: read-modify-write combined with an ALU operation
    case 0x03: { const a = izx(pc); ora(setMem(a, asl(modify(a)))); next = pc + 2; break; }
    case 0x07: { const a = zp(pc); ora(setMem(a, asl(modify(a)))); next = pc + 2; break; }
    case 0x0f: { const a = abs(pc); ora(setMem(a, asl(modify(a)))); next = pc + 3; break; }
    case 0x13: { const a = izyWrite(pc); ora(setMem(a, asl(modify(a)))); next = pc + 2; break; }
    case 0x17: { const a = zpIndexed(pc, regX); ora(setMem(a, asl(modify(a)))); next = pc + 2; break; }
    case 0x1b: { const a = absIndexedWrite(pc, regY); ora(setMem(a, asl(modify(a)))); next = pc + 3; break; }
    case 0x1f: { const a = absIndexedWrite(pc, regX); ora(setMem(a, asl(modify(a)))); next = pc + 3; break; }

    case 0x23: { const a = izx(pc); and(setMem(a, rol(modify(a)))); next = pc + 2; break; }
    case 0x27: { const a = zp(pc); and(setMem(a, rol(modify(a)))); next = pc + 2; break; }
    case 0x2f: { const a = abs(pc); and(setMem(a, rol(modify(a)))); next = pc + 3; break; }
    case 0x33: { const a = izyWrite(pc); and(setMem(a, rol(modify(a)))); next = pc + 2; break; }
    case 0x37: { const a = zpIndexed(pc, regX); and(setMem(a, rol(modify(a)))); next = pc + 2; break; }
    case 0x3b: { const a = absIndexedWrite(pc, regY); and(setMem(a, rol(modify(a)))); next = pc + 3; break; }
    case 0x3f: { const a = absIndexedWrite(pc, regX); and(setMem(a, rol(modify(a)))); next = pc + 3; break; }

    case 0x43: { const a = izx(pc); eor(setMem(a, lsr(modify(a)))); next = pc + 2; break; }
    case 0x47: { const a = zp(pc); eor(setMem(a, lsr(modify(a)))); next = pc + 2; break; }
    case 0x4f: { const a = abs(pc); eor(setMem(a, lsr(modify(a)))); next = pc + 3; break; }
    case 0x53: { const a = izyWrite(pc); eor(setMem(a, lsr(modify(a)))); next = pc + 2; break; }
    case 0x57: { const a = zpIndexed(pc, regX); eor(setMem(a, lsr(modify(a)))); next = pc + 2; break; }
    case 0x5b: { const a = absIndexedWrite(pc, regY); eor(setMem(a, lsr(modify(a)))); next = pc + 3; break; }
    case 0x5f: { const a = absIndexedWrite(pc, regX); eor(setMem(a, lsr(modify(a)))); next = pc + 3; break; }

    case 0x63: { const a = izx(pc); adc(setMem(a, ror(modify(a)))); next = pc + 2; break; }
    case 0x67: { const a = zp(pc); adc(setMem(a, ror(modify(a)))); next = pc + 2; break; }
    case 0x6f: { const a = abs(pc); adc(setMem(a, ror(modify(a)))); next = pc + 3; break; }
    case 0x73: { const a = izyWrite(pc); adc(setMem(a, ror(modify(a)))); next = pc + 2; break; }
    case 0x77: { const a = zpIndexed(pc, regX); adc(setMem(a, ror(modify(a)))); next = pc + 2; break; }
    case 0x7b: { const a = absIndexedWrite(pc, regY); adc(setMem(a, ror(modify(a)))); next = pc + 3; break; }
    case 0x7f: { const a = absIndexedWrite(pc, regX); adc(setMem(a, ror(modify(a)))); next = pc + 3; break; }

    case 0xc3: { const a = izx(pc); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 2; break; }
    case 0xc7: { const a = zp(pc); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 2; break; }
    case 0xcf: { const a = abs(pc); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 3; break; }
    case 0xd3: { const a = izyWrite(pc); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 2; break; }
    case 0xd7: { const a = zpIndexed(pc, regX); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 2; break; }
    case 0xdb: { const a = absIndexedWrite(pc, regY); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 3; break; }
    case 0xdf: { const a = absIndexedWrite(pc, regX); compare(regA, setMem(a, decQuiet(modify(a)))); next = pc + 3; break; }

    case 0xe3: { const a = izx(pc); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 2; break; }
    case 0xe7: { const a = zp(pc); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 2; break; }
    case 0xef: { const a = abs(pc); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 3; break; }
    case 0xf3: { const a = izyWrite(pc); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 2; break; }
    case 0xf7: { const a = zpIndexed(pc, regX); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 2; break; }
    case 0xfb: { const a = absIndexedWrite(pc, regY); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 3; break; }
    case 0xff: { const a = absIndexedWrite(pc, regX); sbc(setMem(a, incQuiet(modify(a)))); next = pc + 3; break; }

    // -- undocumented: SAX, LAX and the immediate-mode combinations
    case 0x83: write(izx(pc), regA & regX); next = pc + 2; break;
    case 0x87: write(zp(pc), regA & regX); next = pc + 2; break;
    case 0x8f: write(abs(pc), regA & regX); next = pc + 3; break;
    case 0x97: write(zpIndexed(pc, regY), regA & regX); next = pc + 2; break;

    case 0xa3: lax(read(izx(pc))); next = pc + 2; break;
    case 0xa7: lax(read(zp(pc))); next = pc + 2; break;
    case 0xaf: lax(read(abs(pc))); next = pc + 3; break;
    case 0xb3: lax(read(izyRead(pc))); next = pc + 2; break;
    case 0xb7: lax(read(zpIndexed(pc, regY))); next = pc + 2; break;
    case 0xbf: lax(read(absIndexedRead(pc, regY))); next = pc + 3; break;

    case 0x0b: case 0x2b: and(operand(pc)); flagC = regA >> 7; next = pc + 2; break;
    case 0x4b: and(operand(pc)); regA = lsr(regA); next = pc + 2; break;
    case 0x6b: arr(operand(pc)); next = pc + 2; break;
    case 0x8b: regA = setNZ((regA | MAGIC) & regX & operand(pc)); next = pc + 2; break;
    case 0xab: lax((regA | MAGIC) & operand(pc)); next = pc + 2; break;
    case 0xcb: {
      const v = operand(pc);
      const t = regA & regX;
      flagC = t >= v ? 1 : 0;
      regX = setNZ((t - v) & 0xff);
      next = pc + 2;
      break;
    }
    case 0xbb: {
      const v = read(absIndexedRead(pc, regY)) & regS;
      regS = v;
      lax(v);
      next = pc + 3;
      break;
    }

    // -- undocumented: the unstable "AND high byte + 1" stores
    case 0x93: storeHigh(izyBase(pc), regY, regA & regX); next = pc + 2; break;
    case 0x9f: storeHigh(operandWord(pc), regY, regA & regX); next = pc + 3; break;
    case 0x9e: storeHigh(operandWord(pc), regY, regX); next = pc + 3; break;
    case 0x9c: storeHigh(operandWord(pc), regX, regY); next = pc + 3; break;
    case 0x9b: regS = regA & regX; storeHigh(operandWord(pc), regY, regS); next = pc + 3; break;

    // -- JAM: the twelve opcodes left, 02 12 22 32 42 52 62 72 92 B2 D2 F2
    default: jam(pc); next = pc + 1; break;
  }
  return next & 0xffff;
}

// The final write of the undocumented read-modify-write opcodes; returns the
// value written so the ALU operation can use it.
@inline function setMem(addr: u32, v: u32): u32 {
  write(addr, v);
  return v;
}

// DCP and ISC take their flags from the compare or subtraction that follows.
@inline function decQuiet(v: u32): u32 { return (v - 1) & 0xff; }
@inline function incQuiet(v: u32): u32 { return (v + 1) & 0xff; }
