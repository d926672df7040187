// `stadium ale trace ROM [--steps N] [--repeat-action-probability P]`: plays a ROM with the reference
// driver's pseudo-random actions and prints one CSV row per step in the
// format of the ALE reference traces (see ../shared/reference/ale/README.md).
import { ALEInterface } from './ale-interface.js';

export function fnv1a32(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The driver's LCG: x = (1103515245 x + 12345) mod 2^31 from x0 = 42. */
export class TraceLcg {
  private x = 42n;

  next(): number {
    this.x = (1103515245n * this.x + 12345n) % 2147483648n;
    return Number(this.x);
  }
}

export const TRACE_HEADER = 'step,action,reward,game_over,lives,ram_fnv,screen_fnv,tf';

/**
 * Calls `emit` with the header and then each row, for `steps` steps of the
 * ROM loaded in `ale` (loadROM already done, as in the reference driver).
 */
export function traceRows(ale: ALEInterface, steps: number, emit: (line: string) => void): void {
  const minimal = ale.getMinimalActionSet();
  const lcg = new TraceLcg();
  let frames = ale.getCompletedFrames();
  const row = (step: number, action: number, reward: number): string => {
    const now = ale.getCompletedFrames();
    const tf = now - frames;
    frames = now;
    return [step, action, reward, ale.gameOver() ? 1 : 0, ale.lives(), fnv1a32(ale.getRAM()), fnv1a32(ale.getScreen()), tf].join(',');
  };
  emit(TRACE_HEADER);
  ale.resetGame();
  emit(row(0, -1, 0));
  for (let step = 1; step <= steps; step++) {
    const x = lcg.next();
    const action = minimal[Math.floor(x / 65536) % minimal.length];
    const reward = ale.act(action);
    emit(row(step, action, reward));
    if (ale.gameOver()) {
      ale.resetGame();
      emit(row(step, -1, 0));
    }
  }
}
