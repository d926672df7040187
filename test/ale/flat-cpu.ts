// The 6507 core of build/ale/cpu-test.wasm on its flat 64 KiB bus, as the
// CPU tests drive it from JavaScript.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const wasmPath = path.join(repoRoot, 'build', 'ale', 'cpu-test.wasm');

export type Access = [address: number, value: number, kind: 'read' | 'write'];

export interface Registers {
  pc: number;
  s: number;
  a: number;
  x: number;
  y: number;
  p: number;
}

interface CpuTestExports {
  memory: WebAssembly.Memory;
  busUseFlat(): void;
  flatRamPointer(): number;
  flatLogPointer(): number;
  flatLogLengthGet(): number;
  flatLogClear(): void;
  FLAT_LOG_WRITE: WebAssembly.Global;
  CPU_STATE_SIZE: WebAssembly.Global;
  cpuSetRegisters(pc: number, s: number, a: number, x: number, y: number, p: number): void;
  cpuStep(): number;
  cpuReset(): void;
  cpuSaveState(pointer: number): void;
  cpuLoadState(pointer: number): void;
  cpuGetA(): number;
  cpuGetX(): number;
  cpuGetY(): number;
  cpuGetS(): number;
  cpuGetP(): number;
  cpuGetPC(): number;
  cpuIsJammed(): number;
}

export class FlatCpu {
  /** The flat bus's 64 KiB, shared with the core. */
  readonly ram: Uint8Array;
  readonly stateSize: number;
  private readonly cpu: CpuTestExports;
  private readonly log: Uint32Array;
  private readonly writeBit: number;

  static async load(): Promise<FlatCpu> {
    if (!existsSync(wasmPath)) throw new Error(`${wasmPath} is missing: run npm run build:wasm first`);
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
    return new FlatCpu(instance.exports as unknown as CpuTestExports);
  }

  private constructor(cpu: CpuTestExports) {
    this.cpu = cpu;
    cpu.busUseFlat();
    this.ram = new Uint8Array(cpu.memory.buffer, cpu.flatRamPointer(), 0x10000);
    this.log = new Uint32Array(cpu.memory.buffer, cpu.flatLogPointer());
    this.writeBit = cpu.FLAT_LOG_WRITE.value as number;
    this.stateSize = cpu.CPU_STATE_SIZE.value as number;
  }

  setRegisters(r: Registers): void {
    this.cpu.cpuSetRegisters(r.pc, r.s, r.a, r.x, r.y, r.p);
  }

  registers(): Registers {
    const { cpu } = this;
    return {
      pc: cpu.cpuGetPC(), s: cpu.cpuGetS(), a: cpu.cpuGetA(), x: cpu.cpuGetX(), y: cpu.cpuGetY(), p: cpu.cpuGetP(),
    };
  }

  jammed(): boolean {
    return this.cpu.cpuIsJammed() !== 0;
  }

  /** Runs one instruction; returns the cycles cpuStep reported. accesses() then lists its bus accesses. */
  step(): number {
    this.cpu.flatLogClear();
    return this.cpu.cpuStep();
  }

  /** The reset sequence; accesses() then lists its bus accesses. */
  reset(): void {
    this.cpu.flatLogClear();
    this.cpu.cpuReset();
  }

  /** Saves the CPU state into the flat RAM at address. */
  saveState(address: number): void {
    this.cpu.cpuSaveState(this.ram.byteOffset + address);
  }

  loadState(address: number): void {
    this.cpu.cpuLoadState(this.ram.byteOffset + address);
  }

  accesses(): Access[] {
    const out: Access[] = [];
    for (let i = 0; i < this.cpu.flatLogLengthGet(); i++) {
      const entry = this.log[i];
      out.push([entry & 0xffff, (entry >>> 16) & 0xff, entry & this.writeBit ? 'write' : 'read']);
    }
    return out;
  }
}
