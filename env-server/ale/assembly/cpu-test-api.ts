// Entry of cpu-test.wasm: the CPU on a flat 64 KiB bus, for test/ale/cpu.test.ts.
export { busUseFlat, flatRamPointer, flatLogPointer, flatLogLengthGet, flatLogClear } from './bus';
