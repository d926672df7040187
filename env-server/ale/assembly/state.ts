// The whole machine (CPU, cycle count, data bus, RIOT, TIA, cart banks and
// RAM, console switches, emulator RNG) plus ALE's episode bookkeeping as one
// byte block: cloneState/restoreState. The frame buffers are not part of it
// (as in ALE, the screen shows the last emulated frame until the next one).
import { cpuSaveState, cpuLoadState, CPU_STATE_SIZE } from './cpu';
import { systemCycles, setSystemCycles } from './clock';
import { dataBus, setDataBus } from './bus-state';
import { saveRiot, loadRiot } from './riot';
import { saveTia, loadTia } from './tia';
import { saveCart, loadCart } from './carts/slot';
import { saveInput, loadInput } from './input';
import { systemRandom } from './mt19937';
import { saveEnvironment, loadEnvironment } from './ale/environment';

const MAGIC: u32 = 0x41544132; // "2ATA"
// Room for the largest cart RAM (3E's 32 KiB) besides the rest.
export const STATE_CAPACITY: i32 = 8192 + 32768;
export const stateBuffer: usize = heap.alloc(<usize>STATE_CAPACITY);

/** Writes the state into stateBuffer and returns its length in bytes. */
export function saveState(): i32 {
  let p = stateBuffer;
  store<u32>(p, MAGIC); p += 4;
  cpuSaveState(p); p += <usize>CPU_STATE_SIZE;
  store<u32>(p, systemCycles()); p += 4;
  store<u32>(p, dataBus); p += 4;
  p = systemRandom.save(p);
  p = saveRiot(p);
  p = saveTia(p);
  p = saveCart(p);
  p = saveInput(p);
  p = saveEnvironment(p);
  return <i32>(p - stateBuffer);
}

/** Restores a state previously written by saveState (copied back into stateBuffer). */
export function loadState(): bool {
  let p = stateBuffer;
  if (load<u32>(p) != MAGIC) return false;
  p += 4;
  cpuLoadState(p); p += <usize>CPU_STATE_SIZE;
  setSystemCycles(load<u32>(p)); p += 4;
  setDataBus(load<u32>(p)); p += 4;
  p = systemRandom.load(p);
  p = loadRiot(p);
  p = loadTia(p);
  p = loadCart(p);
  p = loadInput(p);
  p = loadEnvironment(p);
  return true;
}
