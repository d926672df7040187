// The 6507 core's reset, its save-state layout (documented in cpu.ts) and a
// short program run over several instructions, on the flat test bus.
import t from 'tap';
import { FlatCpu, type Access } from './flat-cpu.js';

t.test('reset loads PC from the vector through the bus and sets ALE start values', async (t) => {
  const cpu = await FlatCpu.load();
  cpu.ram.fill(0);
  cpu.ram[0xfffc] = 0x34;
  cpu.ram[0xfffd] = 0xf2;
  cpu.setRegisters({ pc: 0x1111, s: 0x12, a: 0x13, x: 0x14, y: 0x15, p: 0xef });
  cpu.reset();
  t.same(cpu.registers(), { pc: 0xf234, s: 0xff, a: 0, x: 0, y: 0, p: 0x20 });
  t.same(cpu.accesses(), [[0xfffc, 0x34, 'read'], [0xfffd, 0xf2, 'read']] satisfies Access[]);
});

t.test('reset is the only way out of a JAM', async (t) => {
  const cpu = await FlatCpu.load();
  cpu.ram.fill(0);
  cpu.ram[0x0200] = 0x02;
  cpu.ram[0xfffc] = 0x00;
  cpu.ram[0xfffd] = 0x03;
  cpu.setRegisters({ pc: 0x0200, s: 0xfd, a: 1, x: 2, y: 3, p: 0x24 });
  cpu.step();
  t.ok(cpu.jammed());
  for (let i = 0; i < 3; i++) t.equal(cpu.step(), 1, 'a jammed step takes one cycle');
  t.ok(cpu.jammed());
  cpu.reset();
  t.notOk(cpu.jammed());
  t.equal(cpu.registers().pc, 0x0300);
});

t.test('save state: 8 bytes PC lo, PC hi, A, X, Y, S, P, jammed; load restores them', async (t) => {
  const cpu = await FlatCpu.load();
  t.equal(cpu.stateSize, 8);
  cpu.ram.fill(0);
  cpu.setRegisters({ pc: 0xbeef, s: 0x42, a: 0x81, x: 0x7f, y: 0x00, p: 0xcb });
  cpu.saveState(0x0400);
  t.same([...cpu.ram.subarray(0x0400, 0x0408)], [0xef, 0xbe, 0x81, 0x7f, 0x00, 0x42, 0xeb, 0]);

  cpu.ram[0x9000] = 0x62; // JAM
  cpu.setRegisters({ pc: 0x9000, s: 1, a: 2, x: 3, y: 4, p: 0x20 });
  cpu.step();
  cpu.saveState(0x0500);
  t.equal(cpu.ram[0x0507], 1, 'the jam is saved');

  cpu.loadState(0x0400);
  t.same(cpu.registers(), { pc: 0xbeef, s: 0x42, a: 0x81, x: 0x7f, y: 0x00, p: 0xeb });
  t.notOk(cpu.jammed());
  cpu.loadState(0x0500);
  t.ok(cpu.jammed());
});

// A BCD score counter, as 2600 games keep them: the subroutine adds 1 to a
// two-byte BCD score 150 times, then the program jams. Hand-assembled at $F000.
t.test('a BCD score loop runs to the expected score and cycle count', async (t) => {
  const program = [
    0xa2, 0x96, //       ldx #150
    0x20, 0x0a, 0xf0, // loop: jsr add1
    0xca, //             dex
    0xd0, 0xfa, //       bne loop
    0x02, //             jam
    0x00, //             (padding)
    0xf8, //      add1: sed
    0x18, //             clc
    0xa5, 0x80, //       lda $80
    0x69, 0x01, //       adc #1
    0x85, 0x80, //       sta $80
    0xa5, 0x81, //       lda $81
    0x69, 0x00, //       adc #0
    0x85, 0x81, //       sta $81
    0xd8, //             cld
    0x60, //             rts
  ];
  const cpu = await FlatCpu.load();
  cpu.ram.fill(0);
  cpu.ram.set(program, 0xf000);
  cpu.ram[0x80] = 0x98;
  cpu.ram[0x81] = 0x09;
  cpu.setRegisters({ pc: 0xf000, s: 0xff, a: 0, x: 0, y: 0, p: 0x20 });
  let cycles = 0;
  let instructions = 0;
  while (!cpu.jammed() && instructions < 10_000) {
    cycles += cpu.step();
    instructions++;
  }
  t.ok(cpu.jammed(), 'the program ends on its JAM');
  t.same([cpu.ram[0x81], cpu.ram[0x80]], [0x11, 0x48], '998 + 150 = 1148 in BCD');
  t.equal(cpu.registers().s, 0xff, 'every JSR was matched by an RTS');
  // ldx 2; per pass: jsr 6, add1 body 2+2+3+2+3+3+2+3+2+6 = 28, dex 2,
  // bne 3 (2 on the last pass); jam 5.
  t.equal(cycles, 2 + 150 * (6 + 28 + 2 + 3) - 1 + 5);
});
