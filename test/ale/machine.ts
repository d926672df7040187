// build/ale/machine-test.wasm (RIOT and cartridge internals) for the unit tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './flat-cpu.js';

export interface MachineTestExports {
  memory: WebAssembly.Memory;
  allocate(size: number): number;
  riotPowerOn(draw: number): void;
  advance(cycles: number): void;
  riotReadAt(address: number): number;
  riotWriteAt(address: number, value: number): void;
  cartLoad(image: number, size: number): number;
  cartReadAt(address: number): number;
  cartWriteAt(address: number, value: number): void;
  busRead(address: number): number;
  busWrite(address: number, value: number): void;
  cartSave(at: number): number;
  cartRestore(at: number): void;
  mersenneOutput(seed: number, n: number): number;
}

/** The compiled machine-test.wasm. */
export const machineModule = new WebAssembly.Module(readFileSync(path.join(repoRoot, 'build', 'ale', 'machine-test.wasm')));

/** A fresh instance (each test gets its own machine). */
export function machine(): MachineTestExports {
  return new WebAssembly.Instance(machineModule, {}).exports as unknown as MachineTestExports;
}

/** Installs a ROM image in a fresh machine; returns the machine and the detected scheme. */
export function withCart(image: Uint8Array): { m: MachineTestExports; scheme: number } {
  const m = machine();
  const ptr = m.allocate(image.length);
  new Uint8Array(m.memory.buffer, ptr, image.length).set(image);
  return { m, scheme: m.cartLoad(ptr, image.length) };
}

/** Where the shared reference data lives (<repo>/../shared). */
export const sharedDir = path.join(repoRoot, '..', 'shared');
