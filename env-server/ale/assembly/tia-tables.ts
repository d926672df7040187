// Lookup tables the TIA renders from. Every moving object is drawn by
// indexing a 320-byte strip (two copies of the 160 visible clocks, so an
// object near the right edge wraps to the left) at `160 - (pos & ~3) + x`;
// the low two position bits select one of four pre-shifted strips. Building
// the strips once keeps the per-pixel work to a load and a test.

// Object bits of the "enabled" byte (also the index of the collision and
// priority tables); the two high bits carry CTRLPF's score and priority.
export const P0_BIT: u32 = 0x01;
export const M0_BIT: u32 = 0x02;
export const P1_BIT: u32 = 0x04;
export const M1_BIT: u32 = 0x08;
export const BL_BIT: u32 = 0x10;
export const PF_BIT: u32 = 0x20;
export const SCORE_BIT: u32 = 0x40;
export const PRIORITY_BIT: u32 = 0x80;

const STRIP: usize = 320;

// [align 4][skipFirstCopy 2][nusiz 8][320]
export const playerMasks: usize = heap.alloc(4 * 2 * 8 * STRIP);
// [align 4][nusiz 8][size 4][320]
export const missileMasks: usize = heap.alloc(4 * 8 * 4 * STRIP);
// [align 4][size 4][320]
export const ballMasks: usize = heap.alloc(4 * 4 * STRIP);
// A strip with nothing in it, for objects switched off mid-line.
export const emptyMask: usize = heap.alloc(2 * STRIP);
// [reflect 2][160] u32: the PF bit (PF0 low nibble, PF1, PF2 as one 20-bit word) shown at each clock.
export const playfieldMasks: usize = heap.alloc(2 * 160 * 4);
// [nusiz 8][distance 0..75] i8, what a RESPx at `distance` clocks right of the player's old position hits:
// 1 = a copy being drawn, -1 = a copy in its start delay, 0 = nothing (every farther distance is 0 too).
const RESET_REACH = 76;
const resetVerdicts: usize = heap.alloc(8 * RESET_REACH);
// [64] u16 collision latch bits for each combination of object bits.
export const collisionBits: usize = heap.alloc(64 * 2);
// [half 2][256] u8: colour register (0 BK, 1 PF, 2 P0, 3 P1) shown for an enabled byte.
export const priorityColour: usize = heap.alloc(2 * 256);
// [256] u8 bit-reversed bytes for REFPx.
export const reflected: usize = heap.alloc(256);
// [76 CPU cycles into the line][16 HMxx nibble] i8: pixels moved by HMOVE.
export const motion: usize = heap.alloc(76 * 16);

// Copy layout per NUSIZ value: offsets of the copies and the drawn width.
function copyOffset(nusiz: i32, copy: i32): i32 {
  switch (nusiz) {
    case 1: return copy == 1 ? 16 : (copy == 0 ? 0 : -1);
    case 2: return copy == 1 ? 32 : (copy == 0 ? 0 : -1);
    case 3: return copy == 0 ? 0 : (copy == 1 ? 16 : (copy == 2 ? 32 : -1));
    case 4: return copy == 1 ? 64 : (copy == 0 ? 0 : -1);
    case 6: return copy == 0 ? 0 : (copy == 1 ? 32 : (copy == 2 ? 64 : -1));
    default: return copy == 0 ? 0 : -1;
  }
}

function playerWidth(nusiz: i32): i32 {
  return nusiz == 5 ? 16 : (nusiz == 7 ? 32 : 8);
}

// Fills alignments 1..3 of a block of strips from alignment 0.
function shiftAlignments(base: usize, stripsPerAlign: i32): void {
  const alignSize = <usize>stripsPerAlign * STRIP;
  for (let align = 1; align < 4; align++) {
    for (let s = 0; s < stripsPerAlign; s++) {
      const src = base + <usize>s * STRIP;
      const dst = base + <usize>align * alignSize + <usize>s * STRIP;
      for (let x = 0; x < 320; x++) {
        store<u8>(dst + <usize>x, load<u8>(src + <usize>((x + 320 - align) % 320)));
      }
    }
  }
}

function mirrorStrip(strip: usize): void {
  memory.copy(strip + 160, strip, 160);
}

function buildPlayerMasks(): void {
  for (let skip = 0; skip < 2; skip++) {
    for (let nusiz = 0; nusiz < 8; nusiz++) {
      const strip = playerMasks + (<usize>(skip * 8 + nusiz)) * STRIP;
      const width = playerWidth(nusiz);
      // Double and quad width players start one clock late.
      const late = width > 8 ? 1 : 0;
      const scale = width >> 3;
      for (let copy = 0; copy < 3; copy++) {
        const offset = copyOffset(nusiz, copy);
        if (offset < 0 || (copy == 0 && skip == 1)) continue;
        for (let i = 0; i < width; i++) {
          const bit: i32 = 0x80 >> (i / scale);
          store<u8>(strip + <usize>((offset + late + i) % 160), <u8>bit);
        }
      }
      mirrorStrip(strip);
    }
  }
  shiftAlignments(playerMasks, 16);
}

function buildMissileMasks(): void {
  for (let nusiz = 0; nusiz < 8; nusiz++) {
    for (let size = 0; size < 4; size++) {
      const strip = missileMasks + (<usize>(nusiz * 4 + size)) * STRIP;
      for (let copy = 0; copy < 3; copy++) {
        const offset = copyOffset(nusiz, copy);
        if (offset < 0) continue;
        for (let i = 0; i < (1 << size); i++) store<u8>(strip + <usize>((offset + i) % 160), 1);
      }
      mirrorStrip(strip);
    }
  }
  shiftAlignments(missileMasks, 32);
}

function buildBallMasks(): void {
  for (let size = 0; size < 4; size++) {
    const strip = ballMasks + <usize>size * STRIP;
    for (let i = 0; i < (1 << size); i++) store<u8>(strip + <usize>i, 1);
    mirrorStrip(strip);
  }
  shiftAlignments(ballMasks, 4);
}

function buildPlayfieldMasks(): void {
  for (let reflect = 0; reflect < 2; reflect++) {
    for (let x = 0; x < 160; x++) {
      // Which of the 20 playfield bits sits under this clock: PF0 (bits 0-3)
      // runs left to right, PF1 (bits 11..4) right to left, PF2 (12-19) left to right.
      const half = x < 80 ? x : x - 80;
      let bit: i32;
      if (x >= 80 && reflect == 1) {
        const m = 79 - half; // the right half mirrors the left
        bit = m < 16 ? m / 4 : (m < 48 ? 11 - (m - 16) / 4 : 12 + (m - 48) / 4);
      } else {
        bit = half < 16 ? half / 4 : (half < 48 ? 11 - (half - 16) / 4 : 12 + (half - 48) / 4);
      }
      store<u32>(playfieldMasks + (<usize>(reflect * 160 + x) << 2), <u32>1 << bit);
    }
  }
}

function buildResetVerdicts(): void {
  for (let nusiz = 0; nusiz < 8; nusiz++) {
    const width = playerWidth(nusiz);
    for (let d = 0; d < RESET_REACH; d++) {
      let verdict = 0;
      for (let copy = 0; copy < 3; copy++) {
        const offset = copyOffset(nusiz, copy);
        if (offset < 0) continue;
        if (d >= offset + 4 && d < offset + 4 + width) { verdict = 1; break; }
        if (d >= offset && d < offset + 4 && verdict == 0) verdict = -1;
      }
      store<i8>(resetVerdicts + <usize>(nusiz * RESET_REACH + d), <i8>verdict);
    }
  }
}

@inline
function verdictAt(nusiz: i32, distance: i32): i32 {
  return <u32>distance < <u32>RESET_REACH ? <i32>load<i8>(resetVerdicts + <usize>(nusiz * RESET_REACH + distance)) : 0;
}

/**
 * What a RESPx moving a player from `oldx` to `newx` (0..159) hits. Copies reach up to 75 clocks past the old
 * position, wrapping past the right edge: the wrapped distance (newx + 160 - oldx, for newx < 77) decides when it
 * hits anything, else the direct one. (A table over every old and new position, 200 KiB, gave the same values.)
 */
export function resetVerdict(nusiz: i32, oldx: i32, newx: i32): i32 {
  if (newx < 77) {
    const wrapped = verdictAt(nusiz, newx + 160 - oldx);
    if (wrapped != 0) return wrapped;
  }
  return verdictAt(nusiz, newx - oldx);
}

function buildCollisionBits(): void {
  for (let e: u32 = 0; e < 64; e++) {
    let c: u32 = 0;
    if ((e & M0_BIT) && (e & P1_BIT)) c |= 0x0001;
    if ((e & M0_BIT) && (e & P0_BIT)) c |= 0x0002;
    if ((e & M1_BIT) && (e & P0_BIT)) c |= 0x0004;
    if ((e & M1_BIT) && (e & P1_BIT)) c |= 0x0008;
    if ((e & P0_BIT) && (e & PF_BIT)) c |= 0x0010;
    if ((e & P0_BIT) && (e & BL_BIT)) c |= 0x0020;
    if ((e & P1_BIT) && (e & PF_BIT)) c |= 0x0040;
    if ((e & P1_BIT) && (e & BL_BIT)) c |= 0x0080;
    if ((e & M0_BIT) && (e & PF_BIT)) c |= 0x0100;
    if ((e & M0_BIT) && (e & BL_BIT)) c |= 0x0200;
    if ((e & M1_BIT) && (e & PF_BIT)) c |= 0x0400;
    if ((e & M1_BIT) && (e & BL_BIT)) c |= 0x0800;
    if ((e & BL_BIT) && (e & PF_BIT)) c |= 0x1000;
    if ((e & P0_BIT) && (e & P1_BIT)) c |= 0x2000;
    if ((e & M0_BIT) && (e & M1_BIT)) c |= 0x4000;
    store<u16>(collisionBits + (<usize>e << 1), <u16>c);
  }
}

function buildPriorityColour(): void {
  for (let half = 0; half < 2; half++) {
    for (let e: u32 = 0; e < 256; e++) {
      let colour: u32 = 0;
      const player0 = (e & (P0_BIT | M0_BIT)) != 0;
      const player1 = (e & (P1_BIT | M1_BIT)) != 0;
      if (e & PRIORITY_BIT) {
        // Playfield and ball in front of the players; score mode has no say.
        if (player1) colour = 3;
        if (player0) colour = 2;
        if (e & (BL_BIT | PF_BIT)) colour = 1;
      } else {
        if (e & BL_BIT) colour = 1;
        if (e & PF_BIT) colour = (e & SCORE_BIT) ? <u32>(2 + half) : 1;
        if (player1) colour = colour != 2 ? 3 : 2;
        if (player0) colour = 2;
      }
      store<u8>(priorityColour + <usize>(half * 256) + <usize>e, <u8>colour);
    }
  }
}

function buildReflected(): void {
  for (let i: u32 = 0; i < 256; i++) {
    let r: u32 = 0;
    for (let b = 0; b < 8; b++) if (i & (1 << b)) r |= 0x80 >> b;
    store<u8>(reflected + <usize>i, <u8>r);
  }
}

// HMOVE: during HBLANK the full motion (nibble as a signed -8..7, negated)
// applies; an HMOVE late in the line still moves objects by the clocks that
// remain of the line's extra-clock window. Rows are CPU cycles into the line.
const MOTION_ROWS: string =
  '0-1-2-3-4-5-6-7876543210|0-1-2-3-4-5-6-7876543210|0-1-2-3-4-5-6-7876543210|0-1-2-3-4-5-6-7876543210|' +
  '0-1-2-3-4-5-6-6876543210|0-1-2-3-4-5-5-5876543210|0-1-2-3-4-5-5-5876543210|0-1-2-3-4-4-4-4876543210|' +
  '0-1-2-3-3-3-3-3876543210|0-1-2-2-2-2-2-2876543210|0-1-2-2-2-2-2-2876543210|0-1-1-1-1-1-1-1876543210|' +
  '000000008765432100|111111118765432101|111111118765432101|222222228765432202|333333338765433303|' +
  '444444448765444404|444444448765444404|555555558765555505|666666668766666606';

function buildMotion(): void {
  // Rows 0..20 from the packed text above: one digit per entry, '-' negates
  // the next digit, entries past the 16th are padding.
  const rows = MOTION_ROWS.split('|');
  for (let r = 0; r < rows.length; r++) {
    const text = rows[r];
    let col = 0;
    let neg = false;
    for (let i = 0; i < text.length && col < 16; i++) {
      const c = text.charCodeAt(i);
      if (c == 45) { neg = true; continue; }
      const v = c - 48;
      store<i8>(motion + <usize>(r * 16 + col), <i8>(neg ? -v : v));
      neg = false;
      col++;
    }
  }
  // Rows 21..54: an HMOVE in the visible part of the line moves nothing.
  memory.fill(motion + 21 * 16, 0, 34 * 16);
  // Rows 55..74: late HMOVEs pull left-moving objects by up to 15 clocks.
  for (let r = 55; r < 75; r++) {
    for (let n = 0; n < 16; n++) store<i8>(motion + <usize>(r * 16 + n), <i8>lateMotion(r, n));
  }
  // Row 75 (HMOVE on the last cycle) acts like the start of HBLANK.
  memory.copy(motion + 75 * 16, motion, 16);
}

// Late-HMOVE movement, per row: the number of extra clocks (0..15) the
// object still receives, limited by how far its nibble asks for.
const LATE_EXTRA: StaticArray<i32> = [1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13, 14, 15, 15];

function lateMotion(row: i32, nibble: i32): i32 {
  const extra = LATE_EXTRA[row - 55];
  // Nibbles 0..7 (move left 0..7) count from 7 down; 8..15 (move right 8..1) from 15 down.
  const want = nibble < 8 ? 7 - nibble : 15 - nibble + 8;
  const moved = extra - want;
  return moved > 0 ? -moved : 0;
}

buildPlayerMasks();
buildMissileMasks();
buildBallMasks();
memory.fill(emptyMask, 0, 2 * STRIP);
buildPlayfieldMasks();
buildResetVerdicts();
buildCollisionBits();
buildPriorityColour();
buildReflected();
buildMotion();
