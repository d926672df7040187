// The TIA: video, input ports and (silently) audio registers.
//
// Pixels are produced lazily: the frame buffer is brought up to date only
// when a register write or read is about to change or observe the picture,
// and then a whole span is drawn from the current register state with the
// lookup tables of tia-tables.ts. The timing follows the emulator inside
// ALE 0.12 (Stella 2.4): its object positions, write delays, HMOVE table and
// frame-cutting rules, so that screens and RAM match it bit for bit.
import {
  P0_BIT, M0_BIT, P1_BIT, M1_BIT, BL_BIT, PF_BIT, SCORE_BIT, PRIORITY_BIT,
  playerMasks, missileMasks, ballMasks, emptyMask, playfieldMasks, resetVerdict,
  collisionBits, priorityColour, reflected, motion,
} from './tia-tables';
import { systemCycles } from './clock';
import { dataBus } from './bus-state';
import { requestAttention, clearAttention, WSYNC, STOP } from './attention';
import { potResistance, fireLineHigh, MAX_RESISTANCE } from './input';

const HBLANK: i32 = 68;
const LINE: i32 = 228;
const FRAME_BYTES: i32 = 160 * 300;
const ALL_COLLISIONS: u32 = 0x7fff;

// ---- display geometry (per cartridge) ----
let yStart: i32 = 34;
let displayHeight: i32 = 210;
let startDisplayOffset: i32 = 0;
let stopDisplayOffset: i32 = 0;
let allowHmoveBlanks = true;
let maxScanlines: i32 = 290;
let colourLoss = false;

// ---- frame buffers ----
const bufferA: usize = heap.alloc(FRAME_BYTES);
const bufferB: usize = heap.alloc(FRAME_BYTES);
let current: usize = bufferA;
let previous: usize = bufferB;
let framePointer: usize = bufferA;

// ---- frame timing (colour clocks, relative to the cycle origin) ----
let clockWhenFrameStarted: i32 = 0;
let clockStartDisplay: i32 = 0;
let clockStopDisplay: i32 = 0;
let clockAtLastUpdate: i32 = 0;
// How far the picture would have been brought up to date by the writes that
// skipped it (tiaWrite); NOTHING_DEFERRED once a catch-up has passed it.
const NOTHING_DEFERRED: i32 = i32.MIN_VALUE;
let deferredClock: i32 = NOTHING_DEFERRED;
let clocksToEndOfScanLine: i32 = LINE;
let scanlineCountForLastFrame: u32 = 0;
let currentScanline: u32 = 0;
let vsyncFinishClock: i32 = 0x7fffffff;
export let partialFrame = false;
// Off: frames are emulated without writing pixels (collisions, positions and
// timing are still computed exactly); the frame buffer then keeps stale
// content until a frame is drawn again.
let rendering = true;
let frameGreyed = false;
export let framesCompleted: u32 = 0;
// The frame's end (STOP) and a WSYNC write are requests to the frame loop:
// the instruction running finishes first (attention.ts).

// ---- registers ----
let enabledObjects: u32 = 0;
let vsync: u32 = 0;
let vblank: u32 = 0;
let nusiz0: u32 = 0;
let nusiz1: u32 = 0;
// Colour registers as replicated bytes (u32 each): 0 BK, 1 PF, 2 P0, 3 P1.
const colours: usize = heap.alloc(16);
let ctrlpf: u32 = 0;
let priorityAndScore: u32 = 0;
let refp0 = false;
let refp1 = false;
let pf: u32 = 0;
let grp0: u32 = 0;
let grp1: u32 = 0;
let dgrp0: u32 = 0;
let dgrp1: u32 = 0;
let enam0 = false;
let enam1 = false;
let enabl = false;
let denabl = false;
let hmp0: i32 = 0;
let hmp1: i32 = 0;
let hmm0: i32 = 0;
let hmm1: i32 = 0;
let hmbl: i32 = 0;
let vdelp0 = false;
let vdelp1 = false;
let vdelbl = false;
let resmp0 = false;
let resmp1 = false;
let collision: u32 = 0;
let posP0: i32 = 0;
let posP1: i32 = 0;
let posM0: i32 = 0;
let posM1: i32 = 0;
let posBL: i32 = 0;
let currentGrp0: u32 = 0;
let currentGrp1: u32 = 0;
let lastHmoveClock: i32 = 0;
let hmoveBlank = false;
let cosmicArk = false;
let cosmicArkCounter: u32 = 0;
let dumpEnabled = false;
let dumpDisabledCycle: i32 = 0;

// ---- current drawing strips (addresses; index with the clock 0..159) ----
let maskP0: usize = 0;
let maskP1: usize = 0;
let maskM0: usize = 0;
let maskM1: usize = 0;
let maskBL: usize = 0;
let maskPF: usize = playfieldMasks;

@inline function playerStrip(pos: i32, skipFirst: i32, nusiz: u32): usize {
  return playerMasks + <usize>((((pos & 3) * 2 + skipFirst) * 8 + <i32>(nusiz & 7)) * 320 + 160 - (pos & 0xfc));
}

@inline function missileStrip(pos: i32, nusiz: u32, size: u32): usize {
  return missileMasks + <usize>((((pos & 3) * 8 + <i32>(nusiz & 7)) * 4 + <i32>size) * 320 + 160 - (pos & 0xfc));
}

@inline function ballStrip(pos: i32, size: u32): usize {
  return ballMasks + <usize>(((pos & 3) * 4 + <i32>size) * 320 + 160 - (pos & 0xfc));
}

@inline function pfStrip(reflect: u32): usize {
  return playfieldMasks + (<usize>(reflect & 1) * 160 << 2);
}

function setMaskP0(skipFirst: i32): void { maskP0 = playerStrip(posP0, skipFirst, nusiz0); }
function setMaskP1(skipFirst: i32): void { maskP1 = playerStrip(posP1, skipFirst, nusiz1); }
function setMaskM0(): void { maskM0 = missileStrip(posM0, nusiz0, (nusiz0 & 0x30) >> 4); }
function setMaskM1(): void { maskM1 = missileStrip(posM1, nusiz1, (nusiz1 & 0x30) >> 4); }
function setMaskBL(): void { maskBL = ballStrip(posBL, (ctrlpf & 0x30) >> 4); }

@inline function replicate(colour: u32): u32 {
  return colour * 0x01010101;
}

export function configureDisplay(firstLine: i32, height: i32, hmoveBlanks: bool): void {
  yStart = firstLine;
  displayHeight = height;
  allowHmoveBlanks = hmoveBlanks;
  displayOffsets();
}

// Where the shown rows start and stop in a frame; a reset sets them too, but a state restored into a machine that
// was configured and never reset (a load snapshot) needs them from the configuration.
function displayOffsets(): void {
  startDisplayOffset = LINE * yStart;
  stopDisplayOffset = startDisplayOffset + LINE * displayHeight;
}

/**
 * PAL carts draw more lines and lose colour after odd frames; ALE also shows
 * them 250 rows high, unless the game's properties set another height than
 * the default 210 (its console does that before the system reset that
 * follows the format probe).
 */
export function configureFormat(pal: bool): void {
  colourLoss = pal;
  maxScanlines = pal ? 342 : 290;
  if (pal && displayHeight == 210) displayHeight = 250;
  displayOffsets();
}

/** Whether the format probe found a PAL cart. */
export function palFormat(): bool {
  return colourLoss;
}

/** Rows of the screen (and of currentFrame()). */
export function screenHeight(): i32 {
  return displayHeight;
}

export function setRendering(on: bool): void {
  rendering = on;
}

export function currentFrame(): usize {
  return current;
}

/** The other frame buffer (the frame before the current one, or older where frames went undrawn). */
export function previousFrame(): usize {
  return previous;
}

export function setFramesCompleted(n: u32): void {
  framesCompleted = n;
}

export function lastFrameScanlines(): u32 {
  return currentScanline;
}

/** A freshly built TIA: no frame in progress, none finished yet. */
export function tiaPowerOn(): void {
  partialFrame = false;
  frameGreyed = false;
  framesCompleted = 0;
  memory.fill(occupancyKeys, 0, OCCUPANCY_SLOTS * sizeof<usize>());
}

export function tiaReset(): void {
  enabledObjects = 0;
  vsync = 0;
  vblank = 0;
  nusiz0 = 0;
  nusiz1 = 0;
  memory.fill(colours, 0, 16);
  priorityAndScore = 0;
  ctrlpf = 0;
  refp0 = false;
  refp1 = false;
  pf = 0;
  grp0 = 0;
  grp1 = 0;
  dgrp0 = 0;
  dgrp1 = 0;
  enam0 = false;
  enam1 = false;
  enabl = false;
  denabl = false;
  hmp0 = 0;
  hmp1 = 0;
  hmm0 = 0;
  hmm1 = 0;
  hmbl = 0;
  vdelp0 = false;
  vdelp1 = false;
  vdelbl = false;
  resmp0 = false;
  resmp1 = false;
  collision = 0;
  posP0 = 0;
  posP1 = 0;
  posM0 = 0;
  posM1 = 0;
  posBL = 0;
  currentGrp0 = 0;
  currentGrp1 = 0;
  maskBL = ballStrip(0, 0);
  maskM0 = missileStrip(0, 0, 0);
  maskM1 = missileStrip(0, 0, 0);
  maskP0 = playerStrip(0, 0, 0);
  maskP1 = playerStrip(0, 0, 0);
  maskPF = pfStrip(0);
  lastHmoveClock = 0;
  hmoveBlank = false;
  cosmicArk = false;
  cosmicArkCounter = 0;
  dumpEnabled = false;
  dumpDisabledCycle = 0;
  frameReset();
}

function frameReset(): void {
  memory.fill(bufferA, 0, FRAME_BYTES);
  memory.fill(bufferB, 0, FRAME_BYTES);
  framePointer = current;
  displayOffsets();
  clockWhenFrameStarted = <i32>(systemCycles() * 3);
  clockStartDisplay = clockWhenFrameStarted + startDisplayOffset;
  clockStopDisplay = clockWhenFrameStarted + stopDisplayOffset;
  clockAtLastUpdate = clockWhenFrameStarted;
  deferredClock = NOTHING_DEFERRED;
  clocksToEndOfScanLine = LINE;
  vsyncFinishClock = 0x7fffffff;
  scanlineCountForLastFrame = 0;
  currentScanline = 0;
}

/** Rebases the time stamps before the cycle count restarts from zero. */
export function tiaCyclesReset(): void {
  const cycles = systemCycles();
  dumpDisabledCycle -= <i32>cycles;
  const clocks = <i32>(cycles * 3);
  clockWhenFrameStarted -= clocks;
  clockStartDisplay -= clocks;
  clockStopDisplay -= clocks;
  clockAtLastUpdate -= clocks;
  vsyncFinishClock -= clocks;
  lastHmoveClock -= clocks;
}

/** How far into its line the running frame is, in colour clocks. */
export function framePhase(): i32 {
  return <i32>((systemCycles() * 3 - <u32>clockWhenFrameStarted) % <u32>LINE);
}

/**
 * Starts a new frame in the other buffer. Objects keep their horizontal
 * phase across frames: the new frame starts `phase` clocks before the
 * (just restarted) cycle origin.
 */
export function startFrame(phase: i32): void {
  const tmp = current;
  current = previous;
  previous = tmp;
  const clocks = phase;
  clockWhenFrameStarted = -clocks;
  clockStartDisplay = clockWhenFrameStarted + startDisplayOffset;
  clockStopDisplay = clockWhenFrameStarted + stopDisplayOffset;
  clockAtLastUpdate = clockStartDisplay;
  deferredClock = NOTHING_DEFERRED;
  clocksToEndOfScanLine = LINE;
  framePointer = current;
  if (colourLoss) {
    for (let i: usize = 0; i < 16; i += 4) {
      const c = load<u32>(colours + i);
      store<u32>(colours + i, (scanlineCountForLastFrame & 1) ? c | 0x01010101 : c & 0xfefefefe);
    }
  }
  frameGreyed = false;
}

/** Bookkeeping once the CPU has run for a frame. */
export function finishUpdate(): void {
  currentScanline = (systemCycles() * 3 - <u32>clockWhenFrameStarted) / <u32>LINE;
  if (partialFrame) {
    // The cut frame shows what the writes it ran had drawn, skipped ones too.
    if (deferredClock != NOTHING_DEFERRED) updateFrame(deferredClock);
    if (!frameGreyed) greyOutFrame();
    frameGreyed = true;
  } else {
    scanlineCountForLastFrame = currentScanline;
    framesCompleted++;
    frameGreyed = false;
  }
}

/** Marks the frame as running; true when the previous one was finished. */
export function beginUpdate(): bool {
  const fresh = !partialFrame;
  partialFrame = true;
  clearAttention(STOP);
  return fresh;
}

// An unfinished frame (cut by the instruction limit) is dimmed from the
// line the beam reached, as ALE shows it.
function greyOutFrame(): void {
  let c = (systemCycles() * 3 - <u32>clockWhenFrameStarted) / <u32>LINE;
  if (c < <u32>yStart) c = <u32>yStart;
  for (let s = c; s < <u32>(displayHeight + yStart); s++) {
    const row = current + <usize>((s - <u32>yStart) * 160);
    for (let i: usize = 0; i < 160; i++) {
      store<u8>(row + i, (load<u8>(row + i) & 0x0f) >> 1);
    }
  }
}

// ---- drawing ----

// Draws `count` clocks from visible clock `hpos` at framePointer, four
// aligned clocks at a time (the playfield changes every 4 clocks): missile
// and ball strips hold 0/1 bytes and player strips each clock's GRP bit, so
// a few word operations give the four "enabled" bytes; groups no object
// touches take the playfield or background colour in one store, the others
// go through the collision and priority tables byte by byte.
function drawSpan(count: i32, hpos: i32): void {
  let p = framePointer;
  const end = hpos + count;
  framePointer += <usize>count;
  if (vblank & 0x02) {
    if (rendering) memory.fill(p, 0, <usize>count);
    return;
  }
  const bk = load<u32>(colours);
  const objects = enabledObjects & (P0_BIT | P1_BIT | M0_BIT | M1_BIT | BL_BIT);
  if (objects == 0 && pf == 0) {
    if (rendering) memory.fill(p, <u8>bk, <usize>count);
    return;
  }
  // Without a picture, only collisions are wanted: they need two things drawn
  // (the latches are pairwise) and a latch not yet set.
  if (!rendering && (popcnt(objects | (pf != 0 ? PF_BIT : 0)) < 2 || collision == ALL_COLLISIONS)) return;
  const score = (priorityAndScore & SCORE_BIT) != 0;
  // Score mode paints the playfield in the players' colours; with objects on
  // screen, the playfield-priority bit takes that back (ALE's renderer).
  const scoreColours = score && (objects == 0 || (priorityAndScore & PRIORITY_BIT) == 0);
  const pfLeft = scoreColours ? load<u32>(colours, 8) : load<u32>(colours, 4);
  const pfRight = scoreColours ? load<u32>(colours, 12) : load<u32>(colours, 4);
  const pfMask = maskPF;
  const pfBits = pf;
  // The playfield alone (most spans): nothing can collide.
  if (objects == 0) {
    drawPlayfield(p, hpos, end, pfBits, pfMask, pfLeft, pfRight, bk);
    return;
  }
  const m0 = (objects & M0_BIT) ? maskM0 : emptyMask;
  const m1 = (objects & M1_BIT) ? maskM1 : emptyMask;
  const bl = (objects & BL_BIT) ? maskBL : emptyMask;
  const p0 = currentGrp0 != 0 ? maskP0 : emptyMask;
  const p1 = currentGrp1 != 0 ? maskP1 : emptyMask;
  const g0 = currentGrp0 * 0x01010101;
  const g1 = currentGrp1 * 0x01010101;
  const occupied = occupancy(p0, p1, m0, m1, bl);
  let x = hpos;
  while (x < end) {
    const group = x & ~3;
    const ug = <usize>group;
    const ahead = occupied >> <u64>(group >> 2);
    if ((ahead & 1) == 0) {
      // No object here nor up to the next group that has one, so no
      // collision: only the picture needs these clocks, one colour a group.
      const free = group + (<i32>ctz(ahead) << 2);
      const stop = free < end ? free : end;
      if (rendering) drawPlayfield(p, x, stop, pfBits, pfMask, pfLeft, pfRight, bk);
      p += <usize>(stop - x);
      x = stop;
      continue;
    }
    const first = x - group;
    const last = end - group < 4 ? end - group : 4;
    const players0 = load<u32>(p0 + ug) & g0;
    const players1 = load<u32>(p1 + ug) & g1;
    const others = (load<u32>(m0 + ug) << 1) | (load<u32>(m1 + ug) << 3) | (load<u32>(bl + ug) << 4);
    const on = (pfBits & load<u32>(pfMask + (ug << 2))) != 0;
    let four: u32;
    if ((players0 | players1 | others) == 0) {
      four = on ? (group < 80 ? pfLeft : pfRight) : bk;
    } else {
      const enabled = others | nonZeroBytes(players0) | (nonZeroBytes(players1) << 2) | (on ? PF_BIT * 0x01010101 : 0);
      const table = priorityColour + (group < 80 ? 0 : 256) + <usize>priorityAndScore;
      // What is drawn at some and at every clock of this span's part of the
      // group (out-of-span bytes count as nothing for one, everything for
      // the other).
      const inSpan = (<u32>0xffffffff << (<u32>first << 3)) & (<u32>0xffffffff >>> (<u32>(4 - last) << 3));
      let some = enabled & inSpan;
      some |= some >> 16;
      some = (some | (some >> 8)) & 0xff;
      let every = enabled | ~inSpan;
      every &= every >> 16;
      every = every & (every >> 8) & 0xff;
      const differ = some ^ every;
      let col = collision;
      four = 0;
      if ((differ & (differ - 1)) == 0) {
        // At most one kind comes and goes (a lone sprite, perhaps over the
        // playfield: the common case), so each clock shows one of two sets,
        // and the latches take the larger one's collisions.
        col |= <u32>load<u16>(collisionBits + (<usize>some << 1));
        if (rendering) {
          const shown = load<u32>(colours + (<usize>load<u8>(table + <usize>some) << 2));
          const behind = load<u32>(colours + (<usize>load<u8>(table + <usize>every) << 2));
          const where = differ != 0 ? ((enabled >> ctz(differ)) & 0x01010101) * 0xff : 0;
          four = (shown & where) | (behind & ~where);
        }
      } else if (rendering) {
        for (let i = first; i < last; i++) {
          const e = (enabled >> (i << 3)) & 0xff;
          col |= <u32>load<u16>(collisionBits + (<usize>e << 1));
          four |= (load<u32>(colours + (<usize>load<u8>(table + <usize>e) << 2)) & 0xff) << (i << 3);
        }
      } else {
        for (let i = first; i < last; i++) col |= <u32>load<u16>(collisionBits + (<usize>((enabled >> (i << 3)) & 0xff) << 1));
      }
      collision = col;
    }
    if (rendering) {
      if (first == 0 && last == 4) store<u32>(p, four);
      else for (let i = first; i < last; i++) store<u8>(p + <usize>(i - first), <u8>(four >> (i << 3)));
    }
    p += <usize>(last - first);
    x = group + last;
  }
}

// Draws visible clocks [from, to) of the playfield and background at p: a
// colour per 4-clock group (the playfield's resolution), whole groups in one
// store, a group the span enters or leaves part-way byte by byte.
@inline function drawPlayfield(p: usize, from: i32, to: i32, pfBits: u32, pfMask: usize, pfLeft: u32, pfRight: u32, bk: u32): void {
  let g = from & ~3;
  if (g != from || to - g < 4) {
    const stop = to - g < 4 ? to : g + 4;
    fillGroup(p, groupColour(g, pfBits, pfMask, pfLeft, pfRight, bk), stop - from);
    p += <usize>(stop - from);
    g += 4;
  }
  for (; g + 4 <= to; g += 4) {
    store<u32>(p, groupColour(g, pfBits, pfMask, pfLeft, pfRight, bk));
    p += 4;
  }
  if (g < to) fillGroup(p, groupColour(g, pfBits, pfMask, pfLeft, pfRight, bk), to - g);
}

// The replicated colour of the group starting at visible clock g: the
// playfield's (left or right half) where its bit is set, else the background.
@inline function groupColour(g: i32, pfBits: u32, pfMask: usize, pfLeft: u32, pfRight: u32, bk: u32): u32 {
  return (pfBits & load<u32>(pfMask + (<usize>g << 2))) != 0 ? (g < 80 ? pfLeft : pfRight) : bk;
}

@inline function fillGroup(p: usize, colour: u32, count: i32): void {
  for (let i = 0; i < count; i++) store<u8>(p + <usize>i, <u8>colour);
}

// Which 4-clock groups of the line any object strip touches, one bit per
// group. The strips are fixed tables, so a direct-mapped cache keyed by the
// strip's address keeps the answers: a game uses a few dozen strips a frame
// (a player reset mid-line takes a new one, and back at the line's end).
const OCCUPANCY_SLOTS: usize = 512;
const occupancyKeys: usize = heap.alloc(OCCUPANCY_SLOTS * sizeof<usize>());
const occupancyValues: usize = heap.alloc(OCCUPANCY_SLOTS * sizeof<u64>());

function occupancy(p0: usize, p1: usize, m0: usize, m1: usize, bl: usize): u64 {
  return stripGroups(p0) | stripGroups(p1) | stripGroups(m0) | stripGroups(m1) | stripGroups(bl);
}

@inline function stripGroups(strip: usize): u64 {
  if (strip == emptyMask) return 0;
  // Strips of neighbouring positions lie 4 bytes apart.
  const slot = (strip >> 2) & (OCCUPANCY_SLOTS - 1);
  const key = occupancyKeys + slot * sizeof<usize>();
  const value = occupancyValues + slot * sizeof<u64>();
  if (load<usize>(key) != strip) {
    store<usize>(key, strip);
    let bits: u64 = 0;
    for (let g: usize = 0; g < 40; g += 2) {
      const two = load<u64>(strip + (g << 2));
      if (<u32>two != 0) bits |= <u64>1 << <u64>g;
      if ((two >> 32) != 0) bits |= <u64>2 << <u64>g;
    }
    store<u64>(value, bits);
  }
  return load<u64>(value);
}

// 0x01 in each byte of v that is not zero, 0x00 in the others.
@inline
function nonZeroBytes(v: u32): u32 {
  return (((v & 0x7f7f7f7f) + 0x7f7f7f7f | v) >> 7) & 0x01010101;
}

function updateFrame(clockTarget: i32): void {
  let clock = clockTarget > deferredClock ? clockTarget : deferredClock;
  deferredClock = NOTHING_DEFERRED;
  if (clock < clockStartDisplay || clockAtLastUpdate >= clockStopDisplay || clockAtLastUpdate >= clock) return;
  if (clock > clockStopDisplay) clock = clockStopDisplay;
  do {
    let clocksToUpdate: i32;
    let fromLineStart = LINE - clocksToEndOfScanLine;
    if (clock > clockAtLastUpdate + clocksToEndOfScanLine) {
      clocksToUpdate = clocksToEndOfScanLine;
      clocksToEndOfScanLine = LINE;
      clockAtLastUpdate += clocksToUpdate;
    } else {
      clocksToUpdate = clock - clockAtLastUpdate;
      clocksToEndOfScanLine -= clocksToUpdate;
      clockAtLastUpdate = clock;
    }
    // Skip the horizontal blank.
    if (fromLineStart < HBLANK) {
      const skip = HBLANK - fromLineStart < clocksToUpdate ? HBLANK - fromLineStart : clocksToUpdate;
      fromLineStart += skip;
      clocksToUpdate -= skip;
    }
    const lineStartPointer = framePointer;
    if (clocksToUpdate != 0) drawSpan(clocksToUpdate, fromLineStart - HBLANK);
    // HMOVE blank: the first 8 visible clocks of the line stay black.
    if (hmoveBlank && fromLineStart < HBLANK + 8) {
      const blanks = HBLANK + 8 - fromLineStart;
      // (may run past the span drawn so far; later spans redraw those clocks)
      if (rendering) memory.fill(lineStartPointer, 0, <usize>blanks);
      if (clocksToUpdate + fromLineStart >= HBLANK + 8) hmoveBlank = false;
    }
    if (clocksToEndOfScanLine == LINE) endOfLine();
  } while (clockAtLastUpdate < clock);
}

function endOfLine(): void {
  maskPF = pfStrip(ctrlpf);
  setMaskP0(0);
  setMaskP1(0);
  if (cosmicArk) {
    // Cosmic Ark's starfield: a missile that keeps jumping every line.
    cosmicArkCounter = (cosmicArkCounter + 1) & 3;
    const step = cosmicArkCounter == 0 ? 18 : (cosmicArkCounter == 1 ? 33 : (cosmicArkCounter == 2 ? 0 : 17));
    posM0 -= step;
    if (posM0 >= 160) posM0 -= 160;
    else if (posM0 < 0) posM0 += 160;
    if (cosmicArkCounter == 1) {
      maskM0 = missileStrip(posM0, nusiz0, ((nusiz0 & 0x30) >> 4) | 1);
    } else if (cosmicArkCounter == 2) {
      maskM0 = emptyMask;
    } else {
      setMaskM0();
    }
  }
}

// ---- bus side ----

@inline function lineClock(clock: i32): i32 {
  return (clock - clockWhenFrameStarted) % LINE;
}

export function tiaRead(addr: u32): u32 {
  const cycles = systemCycles();
  // Only the collision latches depend on the picture drawn so far.
  if ((addr & 0x08) == 0) updateFrame(<i32>(cycles * 3));
  const noise = dataBus & 0x3f;
  switch (addr & 0x0f) {
    case 0x00: return ((collision & 0x0001) ? 0x80 : 0) | ((collision & 0x0002) ? 0x40 : 0) | noise;
    case 0x01: return ((collision & 0x0004) ? 0x80 : 0) | ((collision & 0x0008) ? 0x40 : 0) | noise;
    case 0x02: return ((collision & 0x0010) ? 0x80 : 0) | ((collision & 0x0020) ? 0x40 : 0) | noise;
    case 0x03: return ((collision & 0x0040) ? 0x80 : 0) | ((collision & 0x0080) ? 0x40 : 0) | noise;
    case 0x04: return ((collision & 0x0100) ? 0x80 : 0) | ((collision & 0x0200) ? 0x40 : 0) | noise;
    case 0x05: return ((collision & 0x0400) ? 0x80 : 0) | ((collision & 0x0800) ? 0x40 : 0) | noise;
    case 0x06: return ((collision & 0x1000) ? 0x80 : 0) | noise;
    case 0x07: return ((collision & 0x2000) ? 0x80 : 0) | ((collision & 0x4000) ? 0x40 : 0) | noise;
    case 0x08: case 0x09: case 0x0a: case 0x0b:
      return potCharged(addr & 3, cycles) ? 0x80 | noise : noise;
    case 0x0c: return fireLineHigh(0) ? 0x80 | noise : noise;
    case 0x0d: return fireLineHigh(1) ? 0x80 | noise : noise;
    default: return noise;
  }
}

// A paddle's pot charges its capacitor once the dump transistor (VBLANK
// bit 7) lets go; the charge time grows with the resistance.
function potCharged(input: u32, cycles: u32): bool {
  const r = potResistance(input);
  if (r == 0) return true;
  if (r == MAX_RESISTANCE || dumpEnabled) return false;
  const t = 1.6 * <f64>r * 0.01e-6;
  const needed = <u32>(t * 1.19e6);
  return cycles > <u32>dumpDisabledCycle + needed;
}

// Clocks after a write before it shows on screen: NUSIZ and RESMx take 8,
// a few registers 1, and playfield writes depend on the clock phase.
function writeDelay(addr: u32, clock: i32): i32 {
  switch (addr) {
    case 0x01: case 0x0b: case 0x0c: case 0x1b: case 0x1c: return 1;
    case 0x04: case 0x05: case 0x12: case 0x13: return 8;
    case 0x0d: case 0x0e: case 0x0f: {
      const phase = (lineClock(clock) / 3) & 3;
      return phase == 0 ? 4 : (phase == 1 ? 5 : (phase == 2 ? 2 : 3));
    }
    default: return 0;
  }
}

// Writes that leave the picture as it is (WSYNC, RSYNC, audio, the motion
// registers before HMOVE, unused addresses) need not bring it up to date:
// the pixels so far come out the same when drawn later.
// One bit per register (addr 0..63): all but 02-03, 15-1A, 20-24 and 2B-3F, with 2C (CXCLR).
const PICTURE_REGISTERS: u64 = 0x17e0f81ffff3;
@inline function changesPicture(addr: u32): bool {
  return ((PICTURE_REGISTERS >> <u64>addr) & 1) != 0;
}

// Register order 06 P0, 07 P1, 08 PF, 09 BK; our slots are BK, PF, P0, P1.
@inline function colourSlot(addr: u32): usize {
  return colours + ((addr == 0x06 ? 2 : (addr == 0x07 ? 3 : (addr == 0x08 ? 1 : 0))) << 2);
}

@inline function colourWord(value: u32): u32 {
  let colour = value & 0xfe;
  if (colourLoss && (scanlineCountForLastFrame & 1)) colour |= 1;
  return replicate(colour);
}

// True for a write that leaves the registers the picture is drawn from as
// they are (what the write would derive, the playfield, player graphics and
// enabled-object bits, is a function of them). GRP0 also copies GRP1 into its
// delayed copy, and GRP1 GRP0 and ENABL into theirs.
function unchanged(addr: u32, value: u32): bool {
  switch (addr) {
    case 0x01: return value == vblank;
    case 0x06: case 0x07: case 0x08: case 0x09: return load<u32>(colourSlot(addr)) == colourWord(value);
    case 0x0b: return ((value & 0x08) != 0) == refp0;
    case 0x0c: return ((value & 0x08) != 0) == refp1;
    case 0x0d: return ((value >> 4) & 0x0f) == (pf & 0x0f);
    case 0x0e: return (value << 4) == (pf & 0xff0);
    case 0x0f: return value == pf >> 12;
    case 0x1b: return value == grp0 && dgrp1 == grp1;
    case 0x1c: return value == grp1 && dgrp0 == grp0 && denabl == enabl;
    case 0x1d: return ((value & 0x02) != 0) == enam0;
    case 0x1e: return ((value & 0x02) != 0) == enam1;
    case 0x1f: return ((value & 0x02) != 0) == enabl;
    default: return false;
  }
}

function updateEnabled(bit: u32, on: bool): void {
  if (on) enabledObjects |= bit;
  else enabledObjects &= ~bit;
}

function refreshPlayerGraphics(): void {
  const g0 = vdelp0 ? dgrp0 : grp0;
  currentGrp0 = refp0 ? <u32>load<u8>(reflected + <usize>g0) : g0;
  const g1 = vdelp1 ? dgrp1 : grp1;
  currentGrp1 = refp1 ? <u32>load<u8>(reflected + <usize>g1) : g1;
  updateEnabled(P0_BIT, currentGrp0 != 0);
  updateEnabled(P1_BIT, currentGrp1 != 0);
}

function newPlayerPosition(hpos: i32): i32 {
  return hpos < HBLANK ? 3 : ((hpos - HBLANK) + 5) % 160;
}

function newObjectPosition(hpos: i32): i32 {
  return hpos < HBLANK ? 2 : ((hpos - HBLANK) + 4) % 160;
}

function wrap160(pos: i32): i32 {
  if (pos >= 160) return pos - 160;
  if (pos < 0) return pos + 160;
  return pos;
}

export function tiaWrite(address: u32, value: u32): void {
  const addr = address & 0x3f;
  const clock = <i32>(systemCycles() * 3);
  // (more than maxScanlines whole lines since the frame started)
  const cut = clock - clockWhenFrameStarted >= (maxScanlines + 1) * LINE;
  if (cut) {
    requestAttention(STOP);
    partialFrame = false;
  }
  if (changesPicture(addr)) {
    const target = clock + writeDelay(addr, clock);
    // Most writes rewrite the value a register already holds: the picture
    // need not be brought up to date for them, only as far as they would
    // have brought it once the next write or read does (a later write's
    // shorter delay does not undo an earlier one's catch-up).
    if (!cut && unchanged(addr, value)) {
      if (target > deferredClock) deferredClock = target;
      return;
    }
    updateFrame(target);
  }
  switch (addr) {
    case 0x00: { // VSYNC
      vsync = value;
      if (vsync & 0x02) {
        vsyncFinishClock = clock + LINE;
      } else if (clock >= vsyncFinishClock) {
        vsyncFinishClock = 0x7fffffff;
        requestAttention(STOP);
        partialFrame = false;
      }
      break;
    }
    case 0x01: { // VBLANK
      if (!(vblank & 0x80) && (value & 0x80)) dumpEnabled = true;
      if ((vblank & 0x80) && !(value & 0x80)) {
        dumpEnabled = false;
        dumpDisabledCycle = <i32>systemCycles();
      }
      vblank = value;
      break;
    }
    case 0x02: requestAttention(WSYNC); break;
    case 0x04: nusiz0 = value; setMaskP0(0); setMaskM0(); break;
    case 0x05: nusiz1 = value; setMaskP1(0); setMaskM1(); break;
    case 0x06: case 0x07: case 0x08: case 0x09: store<u32>(colourSlot(addr), colourWord(value)); break;
    case 0x0a: { // CTRLPF
      ctrlpf = value;
      priorityAndScore = (ctrlpf & 0x06) << 5;
      // The reflection bit only takes effect on the right half if written in time.
      if (lineClock(clock) < HBLANK + 79) maskPF = pfStrip(ctrlpf);
      setMaskBL();
      break;
    }
    case 0x0b: {
      const on = (value & 0x08) != 0;
      if (on != refp0) {
        refp0 = on;
        currentGrp0 = <u32>load<u8>(reflected + <usize>currentGrp0);
      }
      break;
    }
    case 0x0c: {
      const on = (value & 0x08) != 0;
      if (on != refp1) {
        refp1 = on;
        currentGrp1 = <u32>load<u8>(reflected + <usize>currentGrp1);
      }
      break;
    }
    case 0x0d: pf = (pf & 0x000ffff0) | ((value >> 4) & 0x0f); updateEnabled(PF_BIT, pf != 0); break;
    case 0x0e: pf = (pf & 0x000ff00f) | (value << 4); updateEnabled(PF_BIT, pf != 0); break;
    case 0x0f: pf = (pf & 0x00000fff) | (value << 12); updateEnabled(PF_BIT, pf != 0); break;
    case 0x10: resetPlayer(0, clock); break;
    case 0x11: resetPlayer(1, clock); break;
    case 0x12: { // RESM0
      const hpos = lineClock(clock);
      posM0 = newObjectPosition(hpos);
      if (clock - lastHmoveClock == 20 * 3 && hpos == 69) posM0 = 8;
      setMaskM0();
      break;
    }
    case 0x13: { // RESM1
      const hpos = lineClock(clock);
      posM1 = newObjectPosition(hpos);
      if (clock - lastHmoveClock == 3 * 3 && hpos == 18) posM1 = 3;
      setMaskM1();
      break;
    }
    case 0x14: { // RESBL
      const hpos = lineClock(clock);
      posBL = newObjectPosition(hpos);
      const sinceHmove = clock - lastHmoveClock;
      // Positions known games rely on right after an HMOVE.
      if (sinceHmove == 18 * 3 && (hpos == 60 || hpos == 69)) posBL = 10;
      else if (sinceHmove == 3 * 3 && hpos == 18) posBL = 3;
      else if (sinceHmove == 7 * 3 && hpos == 30) posBL = 6;
      else if (sinceHmove == 6 * 3 && hpos == 27) posBL = 5;
      setMaskBL();
      break;
    }
    case 0x1b: { // GRP0
      grp0 = value;
      dgrp1 = grp1;
      refreshPlayerGraphics();
      break;
    }
    case 0x1c: { // GRP1
      grp1 = value;
      dgrp0 = grp0;
      denabl = enabl;
      refreshPlayerGraphics();
      updateEnabled(BL_BIT, vdelbl ? denabl : enabl);
      break;
    }
    case 0x1d: enam0 = (value & 0x02) != 0; updateEnabled(M0_BIT, enam0 && !resmp0); break;
    case 0x1e: enam1 = (value & 0x02) != 0; updateEnabled(M1_BIT, enam1 && !resmp1); break;
    case 0x1f: enabl = (value & 0x02) != 0; updateEnabled(BL_BIT, vdelbl ? denabl : enabl); break;
    case 0x20: hmp0 = <i32>(value >> 4); break;
    case 0x21: hmp1 = <i32>(value >> 4); break;
    case 0x22: {
      const nibble = <i32>(value >> 4);
      if (clock == lastHmoveClock + 21 * 3 && hmm0 == 7 && nibble == 6) {
        cosmicArk = true;
        cosmicArkCounter = 0;
      }
      hmm0 = nibble;
      break;
    }
    case 0x23: hmm1 = <i32>(value >> 4); break;
    case 0x24: hmbl = <i32>(value >> 4); break;
    case 0x25: vdelp0 = (value & 1) != 0; refreshPlayerGraphics(); break;
    case 0x26: vdelp1 = (value & 1) != 0; refreshPlayerGraphics(); break;
    case 0x27: vdelbl = (value & 1) != 0; updateEnabled(BL_BIT, vdelbl ? denabl : enabl); break;
    case 0x28: {
      if (resmp0 && !(value & 0x02)) {
        posM0 = (posP0 + missileCentre(nusiz0)) % 160;
        setMaskM0();
      }
      resmp0 = (value & 0x02) != 0;
      updateEnabled(M0_BIT, enam0 && !resmp0);
      break;
    }
    case 0x29: {
      if (resmp1 && !(value & 0x02)) {
        posM1 = (posP1 + missileCentre(nusiz1)) % 160;
        setMaskM1();
      }
      resmp1 = (value & 0x02) != 0;
      updateEnabled(M1_BIT, enam1 && !resmp1);
      break;
    }
    case 0x2a: hmove(clock); break;
    case 0x2b: hmp0 = 0; hmp1 = 0; hmm0 = 0; hmm1 = 0; hmbl = 0; break;
    case 0x2c: collision = 0; break;
    default: break; // audio registers and unused addresses
  }
}

function missileCentre(nusiz: u32): i32 {
  const n = nusiz & 7;
  return n == 5 ? 8 : (n == 7 ? 16 : 4);
}

function resetPlayer(player: i32, clock: i32): void {
  const newx = newPlayerPosition(lineClock(clock));
  const nusiz = player == 0 ? nusiz0 : nusiz1;
  const oldx = player == 0 ? posP0 : posP1;
  const when = resetVerdict(<i32>(nusiz & 7), oldx, newx);
  // Reset while a copy is being drawn: let the copy finish first.
  if (when == 1) updateFrame(clock + 11);
  if (player == 0) {
    posP0 = newx;
    setMaskP0(when == -1 ? 0 : 1);
  } else {
    posP1 = newx;
    setMaskP1(when == -1 ? 0 : 1);
  }
}

function hmove(clock: i32): void {
  const x = lineClock(clock) / 3;
  if (allowHmoveBlanks && (x <= 20 || x == 75)) hmoveBlank = true;
  const row = motion + <usize>(x * 16);
  posP0 = wrap160(posP0 + <i32>load<i8>(row + <usize>hmp0));
  posP1 = wrap160(posP1 + <i32>load<i8>(row + <usize>hmp1));
  posM0 = wrap160(posM0 + <i32>load<i8>(row + <usize>hmm0));
  posM1 = wrap160(posM1 + <i32>load<i8>(row + <usize>hmm1));
  posBL = wrap160(posBL + <i32>load<i8>(row + <usize>hmbl));
  setMaskBL();
  setMaskP0(0);
  setMaskP1(0);
  setMaskM0();
  setMaskM1();
  lastHmoveClock = clock;
  cosmicArk = false;
}

/** Cycles the CPU must wait, after a WSYNC write, for the next line to start. */
export function cyclesToEndOfLine(): u32 {
  clearAttention(WSYNC);
  const frameStartCycles = clockWhenFrameStarted / 3; // truncates toward zero, like the C division
  const toEnd = 76 - (systemCycles() - <u32>frameStartCycles) % 76;
  return toEnd < 76 ? toEnd : 0;
}

// ---- state ----

const I32_FIELDS = 52;
// One scratch block for save and load: the wasm runtime never frees, so a per-call array would leak on every cloneState.
const stateFields = new StaticArray<i32>(I32_FIELDS);

export function saveTia(out: usize): usize {
  let p = out;
  stateFields[0] = clockWhenFrameStarted;
  stateFields[1] = clockStartDisplay;
  stateFields[2] = clockStopDisplay;
  stateFields[3] = clockAtLastUpdate;
  stateFields[4] = clocksToEndOfScanLine;
  stateFields[5] = <i32>scanlineCountForLastFrame;
  stateFields[6] = <i32>currentScanline;
  stateFields[7] = vsyncFinishClock;
  stateFields[8] = <i32>enabledObjects;
  stateFields[9] = <i32>vsync;
  stateFields[10] = <i32>vblank;
  stateFields[11] = <i32>nusiz0;
  stateFields[12] = <i32>nusiz1;
  stateFields[13] = load<i32>(colours);
  stateFields[14] = load<i32>(colours, 4);
  stateFields[15] = load<i32>(colours, 8);
  stateFields[16] = load<i32>(colours, 12);
  stateFields[17] = <i32>ctrlpf;
  stateFields[18] = <i32>priorityAndScore;
  stateFields[19] = refp0 ? 1 : 0;
  stateFields[20] = refp1 ? 1 : 0;
  stateFields[21] = <i32>pf;
  stateFields[22] = <i32>grp0;
  stateFields[23] = <i32>grp1;
  stateFields[24] = <i32>dgrp0;
  stateFields[25] = <i32>dgrp1;
  stateFields[26] = enam0 ? 1 : 0;
  stateFields[27] = enam1 ? 1 : 0;
  stateFields[28] = enabl ? 1 : 0;
  stateFields[29] = denabl ? 1 : 0;
  stateFields[30] = hmp0;
  stateFields[31] = hmp1;
  stateFields[32] = hmm0;
  stateFields[33] = hmm1;
  stateFields[34] = hmbl;
  stateFields[35] = vdelp0 ? 1 : 0;
  stateFields[36] = vdelp1 ? 1 : 0;
  stateFields[37] = vdelbl ? 1 : 0;
  stateFields[38] = resmp0 ? 1 : 0;
  stateFields[39] = resmp1 ? 1 : 0;
  stateFields[40] = <i32>collision;
  stateFields[41] = posP0;
  stateFields[42] = posP1;
  stateFields[43] = posM0;
  stateFields[44] = posM1;
  stateFields[45] = posBL;
  stateFields[46] = <i32>currentGrp0;
  stateFields[47] = <i32>currentGrp1;
  stateFields[48] = lastHmoveClock;
  stateFields[49] = hmoveBlank ? 1 : 0;
  stateFields[50] = cosmicArk ? 1 : 0;
  stateFields[51] = <i32>cosmicArkCounter;
  for (let i = 0; i < I32_FIELDS; i++) { store<i32>(p, stateFields[i]); p += 4; }
  store<i32>(p, dumpEnabled ? 1 : 0); p += 4;
  store<i32>(p, dumpDisabledCycle); p += 4;
  store<i32>(p, partialFrame ? 1 : 0); p += 4;
  store<i32>(p, frameGreyed ? 1 : 0); p += 4;
  store<u32>(p, <u32>(framePointer - current)); p += 4;
  store<u32>(p, <u32>(maskP0 - playerMasks)); p += 4;
  store<u32>(p, <u32>(maskP1 - playerMasks)); p += 4;
  store<u32>(p, <u32>(maskM0 - missileMasks)); p += 4;
  store<u32>(p, <u32>(maskM1 - missileMasks)); p += 4;
  store<u32>(p, <u32>(maskBL - ballMasks)); p += 4;
  store<u32>(p, <u32>(maskPF - playfieldMasks)); p += 4;
  store<u32>(p, maskM0 == emptyMask ? 1 : 0); p += 4;
  return p;
}

export function loadTia(from: usize): usize {
  let p = from;
  const v = stateFields;
  for (let i = 0; i < I32_FIELDS; i++) { v[i] = load<i32>(p); p += 4; }
  clockWhenFrameStarted = v[0]; clockStartDisplay = v[1]; clockStopDisplay = v[2]; clockAtLastUpdate = v[3];
  clocksToEndOfScanLine = v[4]; scanlineCountForLastFrame = <u32>v[5]; currentScanline = <u32>v[6];
  vsyncFinishClock = v[7]; enabledObjects = <u32>v[8]; vsync = <u32>v[9]; vblank = <u32>v[10];
  nusiz0 = <u32>v[11]; nusiz1 = <u32>v[12];
  store<i32>(colours, v[13]); store<i32>(colours, v[14], 4); store<i32>(colours, v[15], 8); store<i32>(colours, v[16], 12);
  ctrlpf = <u32>v[17]; priorityAndScore = <u32>v[18]; refp0 = v[19] != 0; refp1 = v[20] != 0; pf = <u32>v[21];
  grp0 = <u32>v[22]; grp1 = <u32>v[23]; dgrp0 = <u32>v[24]; dgrp1 = <u32>v[25];
  enam0 = v[26] != 0; enam1 = v[27] != 0; enabl = v[28] != 0; denabl = v[29] != 0;
  hmp0 = v[30]; hmp1 = v[31]; hmm0 = v[32]; hmm1 = v[33]; hmbl = v[34];
  vdelp0 = v[35] != 0; vdelp1 = v[36] != 0; vdelbl = v[37] != 0; resmp0 = v[38] != 0; resmp1 = v[39] != 0;
  collision = <u32>v[40]; posP0 = v[41]; posP1 = v[42]; posM0 = v[43]; posM1 = v[44]; posBL = v[45];
  currentGrp0 = <u32>v[46]; currentGrp1 = <u32>v[47]; lastHmoveClock = v[48]; hmoveBlank = v[49] != 0;
  cosmicArk = v[50] != 0; cosmicArkCounter = <u32>v[51];
  dumpEnabled = load<i32>(p) != 0; p += 4;
  dumpDisabledCycle = load<i32>(p); p += 4;
  partialFrame = load<i32>(p) != 0; p += 4;
  frameGreyed = load<i32>(p) != 0; p += 4;
  framePointer = current + <usize>load<u32>(p); p += 4;
  maskP0 = playerMasks + <usize>load<u32>(p); p += 4;
  maskP1 = playerMasks + <usize>load<u32>(p); p += 4;
  maskM0 = missileMasks + <usize>load<u32>(p); p += 4;
  maskM1 = missileMasks + <usize>load<u32>(p); p += 4;
  maskBL = ballMasks + <usize>load<u32>(p); p += 4;
  maskPF = playfieldMasks + <usize>load<u32>(p); p += 4;
  if (load<u32>(p) != 0) maskM0 = emptyMask;
  p += 4;
  return p;
}
