// Our own test ROMs (test/ale/roms/*.asm), assembled with dasm at test time
// and run on the whole console through machine-test.wasm, so the CPU, RIOT,
// TIA and bank switching are checked without any commercial ROM. Every
// expected value is worked out by hand from the chips' documented behaviour
// (as ALE's emulator models it); the comments say how.
import t from 'tap';
import { machine, type MachineTestExports } from './machine.js';
import { assemble, dasmSkip as skip } from './dasm.js';

interface Console extends MachineTestExports {
  consolePowerOn(firstLine: number): void;
  consoleFrame(): void;
  timerPassesSkipped(): number;
  screenPointer(): number;
  screenRows(): number;
  ramPointer(): number;
}

interface Run {
  scheme: number;
  ram: (address: number) => number;
  /** The screen, 160 bytes a row, as many rows as ALE shows for the cart. */
  screen: () => Uint8Array;
  /** Runs one more frame. */
  frame: () => void;
  /** Timer-polling passes skipped so far. */
  passesSkipped: () => number;
}

/** Assembles `name` (with dasm's -D `defines`), powers the console on with it and runs `frames` frames. */
function run(name: string, frames = 1, defines: Record<string, number> = {}): Run {
  const image = assemble(name, defines);
  const m = machine() as Console;
  const ptr = m.allocate(image.length);
  new Uint8Array(m.memory.buffer, ptr, image.length).set(image);
  const scheme = m.cartLoad(ptr, image.length);
  if (scheme < 0) return { scheme, ram: () => -1, screen: () => new Uint8Array(), frame: () => {}, passesSkipped: () => 0 };
  m.consolePowerOn(34); // the screen from scanline 34, ALE's usual first line
  for (let i = 0; i < frames; i++) m.consoleFrame();
  return {
    scheme,
    ram: (address) => new Uint8Array(m.memory.buffer, m.ramPointer(), 128)[address - 0x80],
    screen: () => new Uint8Array(m.memory.buffer, m.screenPointer(), 160 * m.screenRows()).slice(),
    frame: () => m.consoleFrame(),
    passesSkipped: () => m.timerPassesSkipped(),
  };
}

const ramBytes = (r: Run, from: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => r.ram(from + i));

// Scheme numbers of carts/cartridge.ts.
const K2 = 0, K4 = 1, F8 = 2, F6 = 3, F4 = 4, F4SC = 7, E0 = 8, FE = 9, K3F = 10, FASC = 11, E7 = 12, UA = 13;
const K3E = 14, MB = 15, CV = 16, DPC = 17, MC = 18;

t.test('cpu.asm: arithmetic, flags, addressing, undocumented opcodes', { skip }, async (t) => {
  const r = run('cpu');
  t.equal(r.scheme, K4);
  // Captured P = N V 1 B D I Z C with B, bit 5 and I (SEI) always set.
  t.same(ramBytes(r, 0x80, 2), [0x80, 0xf4], '$7F+$01 = $80: N and V set, no carry');
  t.same(ramBytes(r, 0x82, 2), [0x60, 0x75], '$D0-$70 = $60: V set (-48-112), carry set (no borrow)');
  t.same(ramBytes(r, 0x84, 2), [0x05, 0x01], 'decimal 58+46+1 = 105: 05, carry');
  t.same(ramBytes(r, 0x86, 3), [0x15, 0x91, 0x00], 'decimal 32-17 = 15; 12-21 = 91 with a borrow');
  t.equal(r.ram(0x89), 30, 'ten passes of the loop add 3 each');
  t.equal(r.ram(0x8a), 0xfb, 'S inside the subroutine: $FF less two pushes and the return address');
  t.same(ramBytes(r, 0x8b, 2), [0xcd, 0xab], 'pulls come back in reverse order');
  t.equal(r.ram(0x8d), 0x80 | 0x08, 'abs,X and abs,Y: Bits[7] | Bits[3]');
  t.same(ramBytes(r, 0x90, 3), [0x20, 0x01, 0x20], '(zp),Y Bits[5]; (zp,X) Bits[0]; zp,X wraps to $90');
  t.equal(r.ram(0x93), 0xa0, '$81 LSR = $40 with carry, ROR = $A0');
  t.same(ramBytes(r, 0x94, 3), [0x3c, 0x30, 0x3c], 'LAX loads A and X; SAX stores $F0 AND $3C');
  t.same(ramBytes(r, 0x97, 2), [0x04, 0x37], 'DCP: 5-1 = 4 equals A: Z and C set');
  t.same(ramBytes(r, 0x99, 2), [0x10, 0x10], 'ISC: $0F+1 = $10; $20-$10 = $10');
});

// Each bank ROM lists in RAM from $80 the ID bytes (and cart RAM bytes) it
// reads after each switch; the sequences follow from the hot spots each
// program touches (see the comments in its source). The last F8 entry is a
// page-crossing LDA abs,X whose dummy read (made by the chip, not by ALE's
// CPU) would hit a hot spot: like ALE, the console must not switch.
for (const [name, scheme, seen] of [
  ['bank-2k', K2, [0x2c, 0x2c]],
  ['bank-f8', F8, [1, 0, 1, 0, 0, 1, 1]],
  ['bank-f6', F6, [0, 3, 1, 2, 0]],
  ['bank-f4', F4, [0, 7, 1, 5, 0]],
  ['bank-f4sc', F4SC, [6, 0x5a, 2, 0x5a, 0xff]],
  ['bank-fa', FASC, [2, 0, 1, 0x77, 2, 0x77]],
  ['bank-ua', UA, [0, 1, 0]],
  ['bank-e0', E0, [0xe4, 0xe5, 0xe6, 0xe0, 0xe3, 0xe2, 0xe2, 0xe7]],
  ['bank-3f', K3F, [0x30, 0x32, 0x31, 0x33, 0x33]],
  ['bank-fe', FE, [0xf0, 0xf1, 0xf1, 0xf0]],
  ['bank-e7', E7, [0x70, 0x73, 0x76, 0x99, 0x22, 0x11, 0x71]],
  ['bank-3e', K3E, [0x40, 0x42, 0x41, 0x5a, 0x5a, 0x5a, 0xa5, 0x5a, 0x43, 0x80, 0x00]],
  ['bank-mb', MB, [1, 2, 3, 0, 0]],
  ['bank-cv', CV, [0x99, 0xc1, 0x99]],
  ['bank-mc', MC, [0x7f, 0x05, 0x5a, 0x5a, 0x00, 0x00, 0x00, 0x77]],
  ['bank-dpc', DPC, [1, 0, 1, 0x03, 0x07, 0x3d, 0xdd, 0xde, 0xdf, 0xff, 0x00, 0x04, 0x00]],
] as const) {
  t.test(`${name}.asm: detected, and its switches show the expected banks`, { skip }, async (t) => {
    // Two frames: a frame may end (VSYNC, UA's $240) before the list is complete.
    const r = run(name, 2);
    t.equal(r.scheme, scheme, 'auto-detected scheme');
    t.same(ramBytes(r, 0x80, seen.length), seen);
  });
}

t.test('riot-timer.asm: INTIM and TIMINT at known cycles', { skip }, async (t) => {
  // k = cycles from the write to the read; before the underflow INTIM reads
  // N - 1 - floor((k - 1) / P) for prescaler P.
  const r = run('riot-timer');
  t.equal(r.ram(0x80), 100 - 1 - 3, 'TIM1T 100, k = 4');
  t.equal(r.ram(0x81), 100 - 1 - 1, 'TIM8T 100, k = 16: one step (the second comes at k = 17)');
  t.equal(r.ram(0x82), 100 - 1 - 2, 'TIM8T 100, k = 17');
  t.equal(r.ram(0x83), 10 - 1 - 7, 'TIM64T 10, k = 505: floor(504 / 64) = 7');
  t.equal(r.ram(0x84), 10 - 1 - 5, 'T1024T 10, k = 5149: floor(5148 / 1024) = 5');
  t.equal(r.ram(0x85), 0x00, 'TIM1T 5, k = 4: no flag while counting');
  t.equal(r.ram(0x86), 0x80, 'k = 11: the flag shows the underflow');
  // ALE's model (Stella 2.4.2): the first INTIM read at least two counts
  // past zero, at k_l, reads 2N - 2k_l + 1 (not the chip's $FF - (k_l - N - 1));
  // from there one count per cycle.
  t.equal(r.ram(0x87), (2 * 5 - 2 * 18 + 1) & 0xff, 'k = 18: first read after the underflow');
  t.equal(r.ram(0x88), 0x00, 'that INTIM read cleared the flag');
  t.equal(r.ram(0x89), (2 * 5 - 2 * 18 + 1 - 14) & 0xff, 'k = 32: 14 counts later');
  // Reads at k = 6 + 9 (n - 1); TIM64T 3 reads zero from k = 129 (floor(128 / 64) = 2),
  // first reached on pass n = 15 (k = 132).
  t.equal(r.ram(0x8a), 15, 'passes of the polling loop');
});

// Frame 2 polls with loads the emulator recognises, frame 3 with LAX, which
// it does not (see timer-poll.h): same flags, same screen. The loops' bytes
// are plain ROM, or read through Activision's FE.
for (const [name, scheme] of [['timer-poll', K4], ['timer-poll-fe', FE]] as const) {
  t.test(`${name}.asm: polling loops the emulator skips end as executing every pass does`, { skip }, async (t) => {
    const r = run(name, 1);
    t.equal(r.scheme, scheme, 'auto-detected scheme');
    // Passes skipped in the next frame (power-on runs the program too).
    const passesOfFrame = (r: Run): number => {
      const before = r.passesSkipped();
      r.frame();
      return r.passesSkipped() - before;
    };
    const passes = passesOfFrame(r);
    const skipped = { passes, screen: r.screen(), flags: ramBytes(r, 0x80, 11), counted: r.ram(0xa0) };
    const executed = { passes: passesOfFrame(r), screen: r.screen(), flags: ramBytes(r, 0x90, 11), counted: r.ram(0xa1) };
    t.equal(executed.passes, 0, 'frame 3: none skipped');
    // Without the evidence that each kind of loop is skipped, a skip that
    // never engages would pass.
    const alone = Array.from({ length: 11 }, (_, k) => passesOfFrame(run(name, 1, { ONLY: k })));
    t.ok(alone.every((n) => n > 0), `frame 2: passes skipped in each loop alone (${alone.join(', ')})`);
    t.equal(skipped.passes, alone.reduce((a, b) => a + b), 'frame 2: in all of them, each as alone');
    // P as PHP pushes it: bits 5 and 4 set, I set by CLEAN_START, D and V
    // clear, C cleared before each loop; Z and N from the value that ended the
    // loop: zero for BNE, $80 or more for BPL, below $80 for BMI; loop 6
    // leaves on zero after comparing a value below $25 (C clear), loop 7 on
    // comparing a value at or above $F0 (C set; N and Z clear, as $F0 is not
    // read: a pass is 11 cycles, the first read past zero $F5-$FF); loop 9
    // on comparing 4 to 5 ($FF: N set, C clear), loop 10 $6F to $F0 ($7F: N,
    // Z and C clear).
    const P = 0x34, Z = 0x02, N = 0x80, C = 0x01;
    t.same(executed.flags, [P | Z, P | N, P, P | Z, P | Z, P | N, P | Z, P | C, P | Z, P | N, P], 'how each loop ended, executed');
    t.same(skipped.flags, executed.flags, 'skipped: the same');
    // Loop 8's pass k reads the timer 12k + 5 to 12k + 8 cycles after TIM64T 10 (the INC, the load, by how the
    // write counts); the timer reads zero from 9 * 64 = 576 cycles on, first in pass 48: 49 passes.
    t.same([skipped.counted, executed.counted], [49, 49], 'loop 8 counted its 49 passes in RAM, skipped or executed');
    const changes = (screen: Uint8Array): number[] => {
      const at: number[] = [];
      for (let i = 1; i < screen.length; i++) if (screen[i] !== screen[i - 1]) at.push(i);
      return at;
    };
    // Each loop starts on a $44 background and ends on its value's colour, in
    // the visible part of a line, where a cycle more or less moves it 3 pixels.
    const ends = (screen: Uint8Array): number[] => changes(screen).filter((i) => screen[i - 1] === 0x44);
    t.equal(ends(executed.screen).length, 11, 'executed: eleven loops ended');
    t.ok(ends(executed.screen).every((i) => i % 160 !== 0), 'executed: each mid-line');
    t.same(changes(skipped.screen), changes(executed.screen), 'skipped: the colours change at the same pixels, so on the same cycles');
    t.ok(Buffer.from(skipped.screen).equals(executed.screen), 'skipped: the same screen');
  });
}

t.test('tia-objects.asm: playfield, player, missile and ball where the TIA timing puts them', { skip }, async (t) => {
  // Positions and colours as derived in the ROM's header comment.
  const BK = 0x00, PF = 0x44, P0 = 0x1e;
  const line = (reflected: boolean): number[] => {
    const row = new Array<number>(160).fill(BK);
    const paint = (from: number, to: number, colour: number): void => {
      row.fill(colour, from, to + 1);
    };
    for (const column of [0, 5, 19]) {
      paint(column * 4, column * 4 + 3, PF);
      const right = reflected ? 39 - column : 20 + column;
      paint(right * 4, right * 4 + 3, PF);
    }
    paint(110, 113, PF); // the ball takes the playfield's colour
    for (const x of [57, 59, 62, 64]) row[x] = P0; // GRP0 %10100101 from 57
    paint(74, 77, P0); // missile 0, in front of playfield column 19
    return row;
  };
  const r = run('tia-objects', 2);
  const screen = r.screen();
  const row = (y: number): number[] => Array.from(screen.subarray(y * 160, (y + 1) * 160));
  // With the screen from scanline 34, the picture (lines 41-232) is rows 7-198.
  t.same(row(50), line(false), 'a row of the top half: plain playfield');
  t.same(row(150), line(true), 'a row of the bottom half: reflected playfield');
  t.same(row(2), new Array<number>(160).fill(BK), 'VBLANK keeps the top black');
  t.equal(r.ram(0x80), 0x80, 'CXM0FB: missile 0 hit the playfield, not the ball');
  t.equal(r.ram(0x81), 0x00, 'CXP0FB: player 0 touched neither');
  t.equal(r.ram(0x82), 0x00, 'CXBLPF: the ball stayed clear of the playfield');
});

t.test('pal-frames.asm: a PAL cart gets 250 rows and loses colour after odd frames', { skip }, async (t) => {
  const r = run('pal-frames', 2);
  const colours = (screen: Uint8Array): number[] => [...new Set(screen)].sort();
  const a = r.screen();
  r.frame();
  const b = r.screen();
  t.equal(a.length, 250 * 160, '250 rows, all drawn by the program');
  t.same([colours(a), colours(b)].sort(), [[0x44], [0x45]], 'frames alternate between $44 and $44 | 1');
  t.equal(run('tia-objects').screen().length, 210 * 160, 'an NTSC cart keeps 210 rows');
});

t.test('cut-frame.asm: a frame cut by the instruction limit shows what its writes drew', { skip }, async (t) => {
  // Frame 1 ends at the VSYNC write; frame 2 hangs after rewriting COLUBK on
  // line 100 and is cut. Rows are lines 34 and on; the colour is $44 with
  // PAL colour loss (see the ROM's header).
  const r = run('cut-frame', 2);
  const screen = r.screen();
  const row = (y: number): number[] => Array.from(screen.subarray(y * 160, (y + 1) * 160));
  t.same(row(0), new Array<number>(160).fill(0x45), 'line 34, drawn by the rewrite on line 100');
  t.same(row(65), new Array<number>(160).fill(0x45), 'line 99, the last whole line before it');
  t.same(row(100), new Array<number>(160).fill(0), 'line 134, never drawn');
});
