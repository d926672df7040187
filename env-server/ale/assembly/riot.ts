// The RIOT (6532): 128 bytes of RAM, the two I/O ports and the interval timer.
//
// The timer is evaluated on demand from the cycle it was written, the way
// ALE's emulator does it, including what a read shows after the timer has
// run out (it keeps counting down one per cycle from the read that noticed).
import { systemCycles } from './clock';
import { readSwcha, readSwchb } from './input';
import { requestAttention, clearAttention, POLL } from './attention';

export const ram: usize = heap.alloc(128);

let timer: u32 = 0;
let intervalShift: u32 = 6;
let cyclesWhenTimerSet: u32 = 0;
let cyclesWhenInterruptReset: u32 = 0;
let timerReadAfterInterrupt = false;
let ddra: u32 = 0;
let ddrb: u32 = 0;

/** Power-on/reset: the timer starts at a random value with the 64-cycle prescaler. */
export function riotReset(randomValue: u32): void {
  timer = 25 + randomValue % 75;
  intervalShift = 6;
  cyclesWhenTimerSet = 0;
  cyclesWhenInterruptReset = 0;
  timerReadAfterInterrupt = false;
  ddra = 0;
  ddrb = 0;
}

export function riotCyclesReset(): void {
  const cycles = systemCycles();
  cyclesWhenTimerSet -= cycles;
  cyclesWhenInterruptReset -= cycles;
}

/**
 * Set to 4 by every INTIM read (with the POLL request to the frame loop): two,
 * three or four instructions later (after the read and a branch back, or a
 * compare, a branch out or a pass counter as well) the CPU may be back at the
 * top of a polling loop.
 */
let timerPolled: i32 = 0;

/** Counts an instruction after an INTIM read; true when a polling loop may start now. */
export function pollLoopDue(): bool {
  const left = --timerPolled;
  if (left == 0) clearAttention(POLL);
  return left <= 2;
}

function readTimer(): u32 {
  timerPolled = 4;
  requestAttention(POLL);
  const now = systemCycles();
  const value = timerPeek(now);
  if (value >= 0) return <u32>value;
  timerReadAfterInterrupt = true;
  cyclesWhenInterruptReset = now;
  return afterInterrupt(sinceSet(now));
}

// Cycles from the timer write to an access at cycle `at`.
@inline
function sinceSet(at: u32): u32 {
  return (at - 1) - cyclesWhenTimerSet;
}

// What INTIM shows `delta` cycles after the write while the timer counts
// down; negative once it has run out.
@inline
function countdown(delta: u32): i32 {
  return <i32>timer - <i32>(delta >> intervalShift) - 1;
}

/**
 * What an INTIM read at access cycle `at` (from systemCycles' origin) shows,
 * or -1 for the one read that changes the timer's state: the first at least
 * two counts past zero. Peeking has no side effect.
 */
export function timerPeek(at: u32): i32 {
  const delta = sinceSet(at);
  const value = countdown(delta);
  if (value >= 0) return value & 0xff;
  if (timerReadAfterInterrupt) return <i32>afterInterrupt(delta);
  // Past zero, counting one per cycle: -1 reads $FF.
  return <i32>(timer << intervalShift) - <i32>delta - 1 <= -2 ? -1 : 0xff;
}

/**
 * While the timer counts down at access cycle `at`, the first access cycle
 * from which INTIM reads below `value` (0: from which it has run out); once it
 * has run out, `at` itself (the count then moves every cycle).
 */
export function timerReadsBelow(at: u32, value: u32): u32 {
  if (countdown(sinceSet(at)) < 0) return at;
  return cyclesWhenTimerSet + 1 + ((timer - value) << intervalShift);
}

// Reads after that first one: the count goes on from where it was then.
function afterInterrupt(delta: u32): u32 {
  const offset = <i32>(cyclesWhenInterruptReset - (cyclesWhenTimerSet + (timer << intervalShift)));
  return <u32>(<i32>timer - <i32>(delta >> intervalShift) - offset) & 0xff;
}

function readInterruptFlag(): u32 {
  return countdown(sinceSet(systemCycles())) >= 0 || timerReadAfterInterrupt ? 0x00 : 0x80;
}

/** Reads an I/O register (addresses with A9 set). */
export function riotRead(addr: u32): u32 {
  switch (addr & 0x07) {
    case 0x00: return readSwcha();
    case 0x01: return ddra;
    case 0x02: return readSwchb();
    case 0x03: return ddrb;
    case 0x04: case 0x06: return readTimer();
    default: return readInterruptFlag();
  }
}

/** Writes an I/O register (addresses with A9 set). */
export function riotWrite(addr: u32, value: u32): void {
  const low = addr & 0x07;
  if (low == 0x01) {
    ddra = value;
  } else if (low == 0x00 || low == 0x02 || low == 0x03) {
    // Port A drives nothing our controllers listen to; port B is input only.
  } else if ((addr & 0x14) == 0x14) {
    timer = value;
    const select = addr & 0x03;
    intervalShift = select == 0 ? 0 : (select == 1 ? 3 : (select == 2 ? 6 : 10));
    cyclesWhenTimerSet = systemCycles();
    timerReadAfterInterrupt = false;
  }
  // Other addresses set the PA7 edge detector, which nothing here uses.
}

export function saveRiot(out: usize): usize {
  memory.copy(out, ram, 128);
  let p = out + 128;
  store<u32>(p, timer); p += 4;
  store<u32>(p, intervalShift); p += 4;
  store<u32>(p, cyclesWhenTimerSet); p += 4;
  store<u32>(p, cyclesWhenInterruptReset); p += 4;
  store<u32>(p, timerReadAfterInterrupt ? 1 : 0); p += 4;
  store<u32>(p, ddra); p += 4;
  store<u32>(p, ddrb); p += 4;
  return p;
}

export function loadRiot(from: usize): usize {
  memory.copy(ram, from, 128);
  let p = from + 128;
  timer = load<u32>(p); p += 4;
  intervalShift = load<u32>(p); p += 4;
  cyclesWhenTimerSet = load<u32>(p); p += 4;
  cyclesWhenInterruptReset = load<u32>(p); p += 4;
  timerReadAfterInterrupt = load<u32>(p) != 0; p += 4;
  ddra = load<u32>(p); p += 4;
  ddrb = load<u32>(p); p += 4;
  return p;
}
