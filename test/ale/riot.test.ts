// The RIOT interval timer, against values worked out by hand from the 6532's
// behaviour as ALE's emulator models it: a write of N reads back N-1 on the
// next cycle, then counts down once per prescaler period; TIMINT shows bit 7
// from the underflow until INTIM is read past it. Accesses are made as an
// instruction's last cycle, after the cycles passed to advance().
import t from 'tap';
import { machine } from './machine.js';

const INTIM = 0x284;
const TIMINT = 0x285;
const TIM1T = 0x294;
const TIM8T = 0x295;
const TIM64T = 0x296;
const T1024T = 0x297;

t.test('each prescaler divides the count', async (t) => {
  for (const [address, period] of [[TIM1T, 1], [TIM8T, 8], [TIM64T, 64], [T1024T, 1024]]) {
    const m = machine();
    m.riotPowerOn(0);
    m.riotWriteAt(address, 100);
    m.advance(1);
    t.equal(m.riotReadAt(INTIM), 99, `${period}: next cycle`);
    m.advance(period);
    t.equal(m.riotReadAt(INTIM), 98, `${period}: one period later`);
    m.advance(period * 10 - 1);
    t.equal(m.riotReadAt(INTIM), 89, `${period}: one cycle short of eleven periods`);
    m.advance(1);
    t.equal(m.riotReadAt(INTIM), 88, `${period}: eleven periods`);
  }
});

t.test('underflow as ALE models it', async (t) => {
  // TIM1T = 5: reads 4..0, then 0xFF; the first read that sees the count
  // two or more past zero latches "read after underflow", and from there
  // the value is counted from that read's cycle.
  const m = machine();
  m.riotPowerOn(0);
  m.riotWriteAt(TIM1T, 5);
  m.advance(5);
  t.equal(m.riotReadAt(INTIM), 0, 'zero after N cycles');
  t.equal(m.riotReadAt(TIMINT), 0, 'no flag while counting');
  m.advance(1);
  t.equal(m.riotReadAt(TIMINT), 0x80, 'flag once it has passed zero');
  t.equal(m.riotReadAt(INTIM), 0xff, 'one past zero');
  m.advance(1);
  t.equal(m.riotReadAt(INTIM), 0xfd, 'two past zero: the read latches, offset by two');
  t.equal(m.riotReadAt(TIMINT), 0, 'reading INTIM after the underflow clears the flag');
  m.advance(3);
  t.equal(m.riotReadAt(INTIM), 0xfa, 'then one count per cycle');

  // TIM64T = 2: zero after 128 cycles; 63 cycles past the underflow the
  // latching read shows 0xFF - 63 = 0xC0, and from then on it counts once
  // per 64 cycles again (ALE's model: counted from the write's phase).
  const n = machine();
  n.riotPowerOn(0);
  n.riotWriteAt(TIM64T, 2);
  n.advance(128);
  t.equal(n.riotReadAt(INTIM), 0);
  n.advance(64);
  t.equal(n.riotReadAt(INTIM), 0xc0);
  n.advance(1);
  t.equal(n.riotReadAt(INTIM), 0xbf);
  n.advance(63);
  t.equal(n.riotReadAt(INTIM), 0xbf);
  n.advance(1);
  t.equal(n.riotReadAt(INTIM), 0xbe);
});

t.test('a write restarts the timer and clears the flag', async (t) => {
  const m = machine();
  m.riotPowerOn(0);
  m.riotWriteAt(TIM1T, 1);
  m.advance(10);
  t.equal(m.riotReadAt(TIMINT), 0x80);
  m.riotWriteAt(TIM8T, 50);
  m.advance(1);
  t.equal(m.riotReadAt(TIMINT), 0);
  t.equal(m.riotReadAt(INTIM), 49);
});

t.test('power-on value: 25 + draw mod 75 with the 64-cycle prescaler', async (t) => {
  const m = machine();
  m.riotPowerOn(75 * 3 + 10);
  t.equal(m.riotReadAt(INTIM), 25 + 10 - 1);
  m.advance(64);
  t.equal(m.riotReadAt(INTIM), 25 + 10 - 2);
});

t.test('RAM and its mirrors', async (t) => {
  const m = machine();
  m.riotPowerOn(0);
  m.busWrite(0x80, 0x12);
  m.busWrite(0xff, 0x34);
  t.equal(m.busRead(0x180), 0x12, 'page 1 mirror (the stack)');
  t.equal(m.busRead(0x5ff), 0x34, 'A10 ignored');
  t.equal(m.busRead(0xff), 0x34);
});
