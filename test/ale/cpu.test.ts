// The 6507 core against Tom Harte's single-step NMOS 6502 vectors
// (../shared/cpu-tests): for each of the 256 opcodes, 300 instructions run
// from a given state on a flat 64 KiB bus, checking registers, memory and the
// bus access of every cycle. Where that data version departs from real
// silicon (see the README there), the harness checks the hardware behaviour
// instead, or leaves out what the data cannot decide.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cpuTestsDir = path.join(repoRoot, '..', 'shared', 'cpu-tests');
const wasmPath = path.join(repoRoot, 'build', 'ale', 'cpu-test.wasm');

type Access = [address: number, value: number, kind: 'read' | 'write'];

interface CpuState {
  pc: number;
  s: number;
  a: number;
  x: number;
  y: number;
  p: number;
  ram: [address: number, value: number][];
}

interface Vector {
  name: string;
  initial: CpuState;
  final: CpuState;
  cycles: Access[];
}

interface CpuTestExports {
  memory: WebAssembly.Memory;
  busUseFlat(): void;
  flatRamPointer(): number;
  flatLogPointer(): number;
  flatLogLengthGet(): number;
  flatLogClear(): void;
  FLAT_LOG_WRITE: WebAssembly.Global;
  cpuSetRegisters(pc: number, s: number, a: number, x: number, y: number, p: number): void;
  cpuStep(): number;
  cpuGetA(): number;
  cpuGetX(): number;
  cpuGetY(): number;
  cpuGetS(): number;
  cpuGetP(): number;
  cpuGetPC(): number;
  cpuIsJammed(): number;
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

class Harness {
  private readonly cpu: CpuTestExports;
  private readonly ram: Uint8Array;
  private readonly log: Uint32Array;
  private readonly writeBit: number;

  constructor(cpu: CpuTestExports) {
    this.cpu = cpu;
    cpu.busUseFlat();
    this.ram = new Uint8Array(cpu.memory.buffer, cpu.flatRamPointer(), 0x10000);
    this.log = new Uint32Array(cpu.memory.buffer, cpu.flatLogPointer());
    this.writeBit = cpu.FLAT_LOG_WRITE.value as number;
  }

  // Runs one instruction from the vector's initial state; returns the cycle
  // count cpuStep reported.
  run(vector: Vector): number {
    const { ram, cpu } = this;
    const s = vector.initial;
    ram.fill(0);
    for (const [address, value] of s.ram) ram[address] = value;
    cpu.cpuSetRegisters(s.pc, s.s, s.a, s.x, s.y, s.p);
    cpu.flatLogClear();
    return cpu.cpuStep();
  }

  step(): number {
    this.cpu.flatLogClear();
    return this.cpu.cpuStep();
  }

  accesses(): Access[] {
    const out: Access[] = [];
    for (let i = 0; i < this.cpu.flatLogLengthGet(); i++) {
      const entry = this.log[i];
      out.push([entry & 0xffff, (entry >>> 16) & 0xff, entry & this.writeBit ? 'write' : 'read']);
    }
    return out;
  }

  peek(address: number): number {
    return this.ram[address];
  }

  registers(): Omit<CpuState, 'ram'> {
    const { cpu } = this;
    return {
      pc: cpu.cpuGetPC(), s: cpu.cpuGetS(), a: cpu.cpuGetA(), x: cpu.cpuGetX(), y: cpu.cpuGetY(), p: cpu.cpuGetP(),
    };
  }

  jammed(): boolean {
    return this.cpu.cpuIsJammed() !== 0;
  }
}

// The first difference between the core's registers and RAM and the expected
// state, or null.
function stateDifference(h: Harness, expected: CpuState, registers: (keyof CpuState)[]): string | null {
  const got = h.registers();
  for (const r of registers) {
    if (r === 'ram') continue;
    if (got[r] !== expected[r]) return `${r}: expected ${hex(expected[r])}, got ${hex(got[r])}`;
  }
  for (const [address, value] of expected.ram) {
    if (h.peek(address) !== value) {
      return `ram[$${hex(address, 4)}]: expected ${hex(value)}, got ${hex(h.peek(address))}`;
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

const ALL_REGISTERS: (keyof CpuState)[] = ['pc', 's', 'a', 'x', 'y', 'p'];

// The bus accesses real silicon makes where this data version is known to be
// wrong: NOP abs reads its operand address on a 4th cycle; NOP abs,X reads the
// un-carried address and then the carried one when the index crosses a page
// (the data has only the first of the two).
function hardwareCycles(h: Harness, treatment: Treatment, v: Vector): Access[] {
  if (treatment !== 'nop-abs' && treatment !== 'nop-abs-x') return v.cycles;
  const operand = v.cycles[1][1] | (v.cycles[2][1] << 8);
  if (treatment === 'nop-abs') return [...v.cycles, [operand, h.peek(operand), 'read']];
  if (treatment === 'nop-abs-x' && (operand & 0xff) + v.initial.x > 0xff) {
    const carried = (operand + v.initial.x) & 0xffff;
    return [...v.cycles, [carried, h.peek(carried), 'read']];
  }
  return v.cycles;
}

// A JAM reads the opcode and the next byte, then $FFFF, $FFFE, $FFFE, then
// $FFFF on every later cycle; it changes no register and writes nothing.
function jamDifference(h: Harness, v: Vector, reported: number): string | null {
  if (!h.jammed()) return 'not jammed';
  const pc = v.initial.pc;
  const expected: Access[] = [
    [pc, v.cycles[0][1], 'read'], [(pc + 1) & 0xffff, v.cycles[1][1], 'read'],
    [0xffff, h.peek(0xffff), 'read'], [0xfffe, h.peek(0xfffe), 'read'], [0xfffe, h.peek(0xfffe), 'read'],
  ];
  const difference = stateDifference(h, v.final, ['s', 'a', 'x', 'y', 'p'])
    ?? cyclesDifference(h.accesses(), expected, reported);
  if (difference !== null) return difference;
  const later = h.step();
  return h.jammed() ? cyclesDifference(h.accesses(), [[0xffff, h.peek(0xffff), 'read']], later) : 'unjammed by a step';
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
  if (!existsSync(wasmPath)) throw new Error(`${wasmPath} is missing: run npm run build:wasm first`);
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
  const h = new Harness(instance.exports as unknown as CpuTestExports);
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
      const reported = h.run(v);
      const difference = treatment === 'jam'
        ? jamDifference(h, v, reported)
        : stateDifference(h, v.final, ALL_REGISTERS)
          ?? cyclesDifference(h.accesses(), hardwareCycles(h, treatment, v), reported);
      if (difference !== null) {
        if (failed === 0) first = `; first: #${index} (${v.name}) ${difference}`;
        failed++;
      }
    });
    t.equal(failed, 0, `${hex(opcode)}.json.gz: ${used - failed}/${used} pass${first}`);
  }
});
