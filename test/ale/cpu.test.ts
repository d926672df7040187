// The 6507 core against Tom Harte's single-step NMOS 6502 vectors
// (../shared/cpu-tests): for each of the 256 opcodes, 300 instructions run
// from a given state on a flat 64 KiB bus, checking registers, memory and the
// bus access of every cycle. Where that data version departs from real
// silicon (see the README there), the harness checks the hardware behaviour
// instead, or leaves out what the data cannot decide.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { FlatCpu, repoRoot, type Access, type Registers } from './flat-cpu.js';

const cpuTestsDir = path.join(repoRoot, '..', 'shared', 'cpu-tests');

interface CpuState extends Registers {
  ram: [address: number, value: number][];
}

interface Vector {
  name: string;
  initial: CpuState;
  final: CpuState;
  cycles: Access[];
}

// How the harness treats an opcode, from the class and mode columns of opcodes.tsv.
type Treatment = 'compare' | 'jam' | 'nop-abs' | 'nop-abs-x' | 'store-high';

function readTreatments(): Map<number, Treatment> {
  const rows = readFileSync(path.join(cpuTestsDir, 'opcodes.tsv'), 'utf8').trim().split('\n').slice(1);
  const treatments = new Map<number, Treatment>();
  for (const row of rows) {
    const [opcode, , mode, cls] = row.split('\t');
    let treatment: Treatment = 'compare';
    if (cls === 'jam') treatment = 'jam';
    else if (cls === 'unstable-high-byte') treatment = 'store-high';
    else if (cls === 'undocumented-nop' && mode === 'abs') treatment = 'nop-abs';
    else if (cls === 'undocumented-nop' && mode === 'abx') treatment = 'nop-abs-x';
    treatments.set(parseInt(opcode, 16), treatment);
  }
  return treatments;
}

function readVectors(opcode: number): Vector[] {
  const file = path.join(cpuTestsDir, '6502', `${hex(opcode)}.json.gz`);
  return gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n')
    .map((line) => JSON.parse(line) as Vector);
}

function hex(n: number, digits = 2): string {
  return n.toString(16).padStart(digits, '0');
}

function formatAccess(access: Access | undefined): string {
  return access === undefined ? 'nothing' : `${access[2]} $${hex(access[0], 4)}=${hex(access[1])}`;
}

// Runs one instruction from the vector's initial state on a zeroed RAM;
// returns the cycle count cpuStep reported.
function run(cpu: FlatCpu, v: Vector): number {
  cpu.ram.fill(0);
  for (const [address, value] of v.initial.ram) cpu.ram[address] = value;
  cpu.setRegisters(v.initial);
  return cpu.step();
}

// The first difference between the core's registers and RAM and the expected
// state, or null.
function stateDifference(cpu: FlatCpu, expected: CpuState, registers: (keyof Registers)[]): string | null {
  const got = cpu.registers();
  for (const r of registers) {
    if (got[r] !== expected[r]) return `${r}: expected ${hex(expected[r])}, got ${hex(got[r])}`;
  }
  for (const [address, value] of expected.ram) {
    if (cpu.ram[address] !== value) {
      return `ram[$${hex(address, 4)}]: expected ${hex(value)}, got ${hex(cpu.ram[address])}`;
    }
  }
  return null;
}

function cyclesDifference(got: Access[], expected: Access[], reported: number): string | null {
  for (let i = 0; i < Math.max(got.length, expected.length); i++) {
    const g = got[i];
    const e = expected[i];
    if (g === undefined || e === undefined || g[0] !== e[0] || g[1] !== e[1] || g[2] !== e[2]) {
      return `cycle ${i}: expected ${formatAccess(e)}, got ${formatAccess(g)}`;
    }
  }
  if (reported !== expected.length) return `cpuStep returned ${reported}, expected ${expected.length} cycles`;
  return null;
}

const ALL_REGISTERS: (keyof Registers)[] = ['pc', 's', 'a', 'x', 'y', 'p'];

// The bus accesses real silicon makes where this data version is known to be
// wrong: NOP abs reads its operand address on a 4th cycle; NOP abs,X reads the
// un-carried address and then the carried one when the index crosses a page
// (the data has only the first of the two).
function hardwareCycles(cpu: FlatCpu, treatment: Treatment, v: Vector): Access[] {
  if (treatment !== 'nop-abs' && treatment !== 'nop-abs-x') return v.cycles;
  const operand = v.cycles[1][1] | (v.cycles[2][1] << 8);
  if (treatment === 'nop-abs') return [...v.cycles, [operand, cpu.ram[operand], 'read']];
  if ((operand & 0xff) + v.initial.x <= 0xff) return v.cycles;
  const carried = (operand + v.initial.x) & 0xffff;
  return [...v.cycles, [carried, cpu.ram[carried], 'read']];
}

// A JAM reads the opcode and the next byte, then $FFFF, $FFFE, $FFFE, then
// $FFFF on every later cycle; it changes no register and writes nothing.
function jamDifference(cpu: FlatCpu, v: Vector, reported: number): string | null {
  if (!cpu.jammed()) return 'not jammed';
  const pc = v.initial.pc;
  const expected: Access[] = [
    [pc, v.cycles[0][1], 'read'], [(pc + 1) & 0xffff, v.cycles[1][1], 'read'],
    [0xffff, cpu.ram[0xffff], 'read'], [0xfffe, cpu.ram[0xfffe], 'read'], [0xfffe, cpu.ram[0xfffe], 'read'],
  ];
  const difference = stateDifference(cpu, v.final, ['s', 'a', 'x', 'y', 'p'])
    ?? cyclesDifference(cpu.accesses(), expected, reported);
  if (difference !== null) return difference;
  const later = cpu.step();
  return cpu.jammed() ? cyclesDifference(cpu.accesses(), [[0xffff, cpu.ram[0xffff], 'read']], later) : 'unjammed by a step';
}

// The page-crossing SHA/SHX/SHY/TAS vectors follow a model of the chip that
// is known to be wrong, so only the others decide.
function crossesPage(v: Vector, opcode: number): boolean {
  const index = opcode === 0x9c ? v.initial.x : v.initial.y;
  const lo = opcode === 0x93 ? v.cycles[2][1] : v.cycles[1][1];
  return lo + index > 0xff;
}

const dataPresent = existsSync(path.join(cpuTestsDir, 'opcodes.tsv'));

t.test('6507 core against the single-step 6502 vectors', {
  skip: dataPresent ? false : `no CPU test data at ${cpuTestsDir} (../shared is absent)`,
}, async (t) => {
  const cpu = await FlatCpu.load();
  const treatments = readTreatments();

  for (let opcode = 0; opcode < 0x100; opcode++) {
    const treatment = treatments.get(opcode);
    if (treatment === undefined) throw new Error(`opcodes.tsv has no row for ${hex(opcode)}`);
    const vectors = readVectors(opcode);
    let failed = 0;
    let used = 0;
    let first = '';
    vectors.forEach((v, index) => {
      if (treatment === 'store-high' && crossesPage(v, opcode)) return;
      used++;
      const reported = run(cpu, v);
      const difference = treatment === 'jam'
        ? jamDifference(cpu, v, reported)
        : stateDifference(cpu, v.final, ALL_REGISTERS)
          ?? cyclesDifference(cpu.accesses(), hardwareCycles(cpu, treatment, v), reported);
      if (difference !== null) {
        if (failed === 0) first = `; first: #${index} (${v.name}) ${difference}`;
        failed++;
      }
    });
    t.equal(failed, 0, `${hex(opcode)}.json.gz: ${used - failed}/${used} pass${first}`);
  }
});
