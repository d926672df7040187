// The console as ALE drives it: power-on, system reset and "one frame" of
// emulation (run the CPU until the program ends VSYNC, the TIA cuts the
// frame, or 25,000 instructions have run).
import { cpuExecute, cpuReset, cpuGetPC, cpuSetPC } from './cpu';
import { attention, WSYNC, STOP, JAM, POLL } from './attention';
import { zeroCycles, addCycles } from './clock';
import {
  tiaReset, tiaCyclesReset, framePhase, startFrame, beginUpdate, finishUpdate,
  cyclesToEndOfLine, lastFrameScanlines, configureFormat, tiaPowerOn,
} from './tia';
import { ram, riotReset, riotCyclesReset, pollLoopDue } from './riot';
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
  // Everything besides the instructions waits behind one test of the
  // attention word after each (attention.ts).
  let n = attention != 0 ? beforeInstruction(0) : 0;
  // PC stays in a local while the loop runs (cpu.ts): only the CPU and the
  // timer-loop skip use it.
  let pc = cpuGetPC();
  while (n < INSTRUCTIONS_PER_UPDATE) {
    pc = cpuExecute(pc);
    n++;
    if (attention != 0) {
      if (attention & WSYNC) addCycles(cyclesToEndOfLine());
      if (attention & STOP) break;
      if (n < INSTRUCTIONS_PER_UPDATE) {
        cpuSetPC(pc);
        n = beforeInstruction(n);
        pc = cpuGetPC();
      }
    }
  }
  cpuSetPC(pc);
  finishUpdate();
}

// Before instruction n of the update: a jammed CPU ends it (returns the
// limit); at the top of a timer-polling loop the iterations that change
// nothing but the clock are skipped (returns n plus the instructions skipped).
function beforeInstruction(n: i32): i32 {
  if (attention & JAM) return INSTRUCTIONS_PER_UPDATE;
  if ((attention & POLL) && pollLoopDue()) return n + skipTimerWait(INSTRUCTIONS_PER_UPDATE - n);
  return n;
}
