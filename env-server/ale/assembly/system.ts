// The console as ALE drives it: power-on, system reset and "one frame" of
// emulation (run the CPU until the program ends VSYNC, the TIA cuts the
// frame, or 25,000 instructions have run).
import { cpuStep, cpuReset, cpuJammed } from './cpu';
import { zeroCycles, addCycles } from './clock';
import {
  tiaReset, tiaCyclesReset, framePhase, startFrame, beginUpdate, finishUpdate,
  stopRequested, wsyncRequested, cyclesToEndOfLine, lastFrameScanlines, configureFormat, tiaPowerOn,
} from './tia';
import { ram, riotReset, riotCyclesReset, timerPolled, notePollStep } from './riot';
import { cartReset, cartCyclesReset } from './carts/slot';
import { skipTimerWait } from './timer-wait';
import { systemRandom } from './mt19937';

/** ALE's default system_random_seed. */
export const SYSTEM_SEED: u32 = 4753849;
const INSTRUCTIONS_PER_UPDATE = 25000;

function rebaseCycles(): void {
  tiaCyclesReset();
  riotCyclesReset();
  cartCyclesReset();
  zeroCycles();
}

/** Reset as the console's reset line does it (RAM is kept). */
export function systemReset(): void {
  rebaseCycles();
  riotReset(systemRandom.next());
  tiaReset();
  cartReset();
  cpuReset();
}

/** A cart's Display.Format property: ALE probes the format only when it is AUTO-DETECT (the default). */
export const enum DisplayFormat { AutoDetect, NTSC, PAL }

/**
 * Builds the machine with the cart in place: RAM and RIOT from the emulator's
 * random generator, then (for AutoDetect) the 60-frame NTSC/PAL probe, which
 * runs with NTSC timing after a reset of its own, before the final reset.
 */
export function powerOn(format: DisplayFormat): void {
  systemRandom.seed(SYSTEM_SEED);
  for (let i = 0; i < 128; i++) store<u8>(ram + <usize>i, <u8>systemRandom.next());
  riotReset(systemRandom.next());
  configureFormat(false);
  tiaPowerOn();
  let pal = format == DisplayFormat.PAL;
  if (format == DisplayFormat.AutoDetect) {
    systemReset();
    let palFrames = 0;
    for (let i = 0; i < 60; i++) {
      runFrame();
      if (i >= 30 && lastFrameScanlines() > 285) palFrames++;
    }
    pal = palFrames >= 15;
  }
  configureFormat(pal);
  systemReset();
}

/** One TIA update: continues an unfinished frame or starts the next one. */
export function runFrame(): void {
  if (beginUpdate()) {
    const phase = framePhase();
    rebaseCycles();
    startFrame(phase);
  }
  for (let n = 0; n < INSTRUCTIONS_PER_UPDATE && !cpuJammed; n++) {
    if (timerPolled > 0 && notePollStep() == 0) {
      n += skipTimerWait(INSTRUCTIONS_PER_UPDATE - n);
      if (n >= INSTRUCTIONS_PER_UPDATE) break;
    }
    cpuStep();
    if (wsyncRequested) addCycles(cyclesToEndOfLine());
    if (stopRequested) break;
  }
  finishUpdate();
}
