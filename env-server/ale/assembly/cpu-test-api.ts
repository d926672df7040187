// Entry of cpu-test.wasm: the CPU on the flat 64 KiB bus, driven one
// instruction at a time by test/ale/cpu.test.ts. The harness writes the RAM
// and reads the access log straight from memory at the given pointers; the
// flat bus is allocated once by busUseFlat, so the pointers stay valid.
import { cpuJammed } from './cpu';

export {
  busUseFlat, flatRamPointer, flatLogPointer, flatLogLengthGet, flatLogClear,
  FLAT_LOG_WRITE,
} from './bus';
export {
  cpuSetRegisters, cpuStep, cpuReset, cpuSaveState, cpuLoadState, CPU_STATE_SIZE,
  cpuGetA, cpuGetX, cpuGetY, cpuGetS, cpuGetP, cpuGetPC,
} from './cpu';

export function cpuIsJammed(): bool {
  return cpuJammed();
}
