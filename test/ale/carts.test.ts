// Cartridge schemes: auto-detection by size and byte patterns, the reset
// bank, and bank switching by touching hot spots (reads and writes alike).
// The images are synthetic: every byte tells which bank (or 1K slice) it is
// in, so a read shows what the window maps.
import t from 'tap';
import { withCart } from './machine.js';

// Scheme numbers of carts/cartridge.ts.
const K2 = 0, K4 = 1, F8 = 2, F6 = 3, F4 = 4, F8SC = 5, F6SC = 6, F4SC = 7, E0 = 8, FE = 9, K3F = 10, FASC = 11, E7 = 12, UA = 13;
const K3E = 14, MB = 15, CV = 16, DPC = 17, MC = 18;

/** Image of `banks` 4K banks; byte = bank * 16 + (offset & 15), which never repeats for 256 bytes. */
function banked(banks: number, blockSize = 4096): Uint8Array {
  const image = new Uint8Array(banks * blockSize);
  for (let i = 0; i < image.length; i++) image[i] = (Math.floor(i / blockSize) << 4) | (i & 15);
  return image;
}

const bankAt = (value: number): number => value >> 4;

t.test('2K images are mirrored in the 4K window', async (t) => {
  const image = banked(2, 1024);
  const { m, scheme } = withCart(image);
  t.equal(scheme, K2);
  t.equal(bankAt(m.cartReadAt(0x1000)), 0);
  t.equal(bankAt(m.cartReadAt(0x1400)), 1);
  t.equal(bankAt(m.cartReadAt(0x1800)), 0, 'upper 2K repeats the image');
  t.equal(m.cartReadAt(0xfffc), image[0x7fc], 'the reset vector through a 16-bit address');
});

t.test('4K images map straight', async (t) => {
  const image = banked(4, 1024);
  const { m, scheme } = withCart(image);
  t.equal(scheme, K4);
  t.equal(bankAt(m.cartReadAt(0x1c05)), 3);
  m.cartWriteAt(0x1ff8, 0);
  t.equal(bankAt(m.cartReadAt(0x1000)), 0, 'no hot spots');
});

for (const [name, scheme, banks, first, reset] of [
  ['F8', F8, 2, 0xff8, 1],
  ['F6', F6, 4, 0xff6, 0],
  ['F4', F4, 8, 0xff4, 0],
] as const) {
  t.test(`${name}: ${banks} banks, hot spots from $${first.toString(16)}`, async (t) => {
    const { m, scheme: detected } = withCart(banked(banks));
    t.equal(detected, scheme);
    t.equal(bankAt(m.cartReadAt(0x1000)), reset, 'reset bank');
    for (let b = banks - 1; b >= 0; b--) {
      m.cartReadAt(0x1000 + first + b);
      t.equal(bankAt(m.cartReadAt(0x1234)), b, `read of hot spot ${b}`);
    }
    m.cartWriteAt(0x3000 + first + (banks - 1), 0);
    t.equal(bankAt(m.cartReadAt(0x1234)), banks - 1, 'a write (through a mirror) switches too');
    m.cartReadAt(0x1000 + first - 1);
    t.equal(bankAt(m.cartReadAt(0x1234)), banks - 1, 'the byte below the hot spots does nothing');
  });
}

t.test('Superchip RAM: write at $000-$07F, read at $080-$0FF', async (t) => {
  for (const [banks, scheme] of [[2, F8SC], [4, F6SC], [8, F4SC]]) {
    const image = banked(banks);
    for (let b = 0; b < banks; b++) image.fill(0xff, b * 4096, b * 4096 + 256);
    const { m, scheme: detected } = withCart(image);
    t.equal(detected, scheme, `${banks} banks with a blank RAM area`);
    m.cartWriteAt(0x1005, 0x5a);
    m.cartWriteAt(0x107f, 0xa5);
    t.equal(m.cartReadAt(0x1085), 0x5a);
    t.equal(m.cartReadAt(0x10ff), 0xa5);
    t.equal(m.cartReadAt(0x1005), 0xff, 'the write port reads ROM');
  }
});

t.test('E0: three switchable 1K segments and a fixed last one', async (t) => {
  const image = banked(8, 1024);
  image.set([0x8d, 0xe0, 0x1f], 0x1234); // STA $1FE0: the signature auto-detection looks for
  const { m, scheme } = withCart(image);
  t.equal(scheme, E0);
  t.same([0x1000, 0x1400, 0x1800, 0x1c00].map((a) => bankAt(m.cartReadAt(a + 0x3f))), [4, 5, 6, 7], 'reset slices');
  m.cartReadAt(0x1fe2);
  m.cartWriteAt(0x1fe9, 0);
  m.cartReadAt(0x1ff7);
  t.same([0x1000, 0x1400, 0x1800, 0x1c00].map((a) => bankAt(m.cartReadAt(a + 0x3f))), [2, 1, 7, 7]);
  m.cartReadAt(0x1ff8);
  t.equal(bankAt(m.cartReadAt(0x1800)), 7, '$FF8 is not an E0 hot spot');
});

t.test('3F: a write to $00-$3F picks the low 2K bank; the top 2K is fixed', async (t) => {
  const image = banked(4, 2048);
  image.set([0x85, 0x3f], 0x100);
  image.set([0x85, 0x3f], 0x900); // STA $3F twice: the signature
  const { m, scheme } = withCart(image);
  t.equal(scheme, K3F);
  t.equal(bankAt(m.busRead(0x1000)), 0, 'reset bank');
  t.equal(bankAt(m.busRead(0x1800)), 3, 'last 2K');
  m.busWrite(0x3f, 2);
  t.equal(bankAt(m.busRead(0x17ff)), 2);
  m.busWrite(0x2003, 5);
  t.equal(bankAt(m.busRead(0x1000)), 1, 'bank numbers wrap; A13 mirrors count');
  t.equal(m.busRead(0x0c), image[2048 + 0x0c], 'reads of $00-$3F show the bank (as in ALE)');
  m.busWrite(0x40, 3);
  t.equal(bankAt(m.busRead(0x1000)), 1, '$40 is plain TIA');
});

t.test('FE: A13 picks the bank', async (t) => {
  const image = banked(2);
  image.set([0x20, 0x00, 0xd0, 0xc6, 0xc5], 0x200); // JSR $D000; DEC $C5
  const { m, scheme } = withCart(image);
  t.equal(scheme, FE);
  t.equal(bankAt(m.busRead(0xd123)), 1);
  t.equal(bankAt(m.busRead(0xf123)), 0);
});

t.test('FA: three banks from bank 2, 256 bytes of RAM', async (t) => {
  const { m, scheme } = withCart(banked(3));
  t.equal(scheme, FASC);
  t.equal(bankAt(m.busRead(0x1300)), 2);
  m.busRead(0x1ff8);
  t.equal(bankAt(m.busRead(0x1300)), 0);
  m.busWrite(0x1ff9, 0);
  t.equal(bankAt(m.busRead(0x1300)), 1);
  m.busWrite(0x10ab, 0x77);
  t.equal(m.busRead(0x11ab), 0x77);
});

t.test('E7: 2K slices, 1K RAM in slice 7, 256-byte RAM banks', async (t) => {
  const image = banked(8, 2048);
  image.fill(0x42, 0x3800, 0x3a00); // the RAM window area of the image is blank
  const { m, scheme } = withCart(image);
  t.equal(scheme, E7);
  t.equal(bankAt(m.busRead(0x1000)), 0, 'reset slice 0');
  t.equal(bankAt(m.busRead(0x1a00)), 7, 'fixed top of slice 7');
  m.busRead(0x1fe3);
  t.equal(bankAt(m.busRead(0x1234)), 3);
  m.busWrite(0x1fe7, 0);
  m.busWrite(0x1012, 0x99);
  t.equal(m.busRead(0x1412), 0x99, '1K RAM: write at $000, read at $400');
  m.busRead(0x1fe9);
  m.busWrite(0x1805, 0x11);
  m.busRead(0x1fea);
  m.busWrite(0x1805, 0x22);
  t.equal(m.busRead(0x1905), 0x22, 'RAM bank 2');
  m.busRead(0x1fe9);
  t.equal(m.busRead(0x1905), 0x11, 'RAM bank 1 kept its byte');
});

t.test('UA: $220 and $240 switch banks and still reach the TIA', async (t) => {
  const image = banked(2);
  image.set([0x8d, 0x40, 0x02], 0x300); // STA $240
  const { m, scheme } = withCart(image);
  t.equal(scheme, UA);
  t.equal(bankAt(m.busRead(0x1000)), 0);
  m.busWrite(0x240, 0);
  t.equal(bankAt(m.busRead(0x1000)), 1);
  m.busRead(0x2220);
  t.equal(bankAt(m.busRead(0x1000)), 0);
});

t.test('3E: $3F picks a ROM bank, $3E a 1K RAM bank, $800-$FFF is fixed', async (t) => {
  const image = banked(4, 2048);
  image.set([0x85, 0x3e, 0xa9, 0x00], 0x100); // STA $3E; LDA #0: the signature
  image.set([0x85, 0x3f], 0x200);
  image.set([0x85, 0x3f], 0x300); // a 3F signature too: 3E is checked first
  const { m, scheme } = withCart(image);
  t.equal(scheme, K3E);
  t.equal(bankAt(m.busRead(0x1000)), 0, 'reset bank');
  t.equal(bankAt(m.busRead(0x1fff)), 3, 'last 2K');
  m.busWrite(0x3f, 6);
  t.equal(bankAt(m.busRead(0x1234)), 2, '6 mod 4');
  m.busWrite(0x7f, 1);
  m.busWrite(0x0ff, 1);
  t.equal(bankAt(m.busRead(0x1234)), 2, 'no mirrors among the TIA addresses');
  m.busWrite(0x103f, 1);
  t.equal(bankAt(m.busRead(0x1234)), 1, 'a window write at offset $03F switches (as in ALE)');
  m.busWrite(0x3e, 33);
  m.busWrite(0x1405, 0x5a);
  t.equal(m.busRead(0x1005), 0x5a, 'RAM bank 1 (33 mod 32): written at $400, read at $000');
  t.equal(m.busRead(0x1405), 0x5a, 'the write port reads the RAM');
  t.equal(m.busRead(0x05), 0x5a, '$00-$3F read the window');
  t.equal(bankAt(m.busRead(0x1800)), 3, 'the fixed half stays ROM');
  m.busWrite(0x3e, 2);
  m.busWrite(0x1405, 0xa5);
  m.busWrite(0x1005, 0x11); // the read port is not writable
  t.equal(m.busRead(0x1005), 0xa5, 'RAM bank 2');
  m.busWrite(0x3e, 1);
  t.equal(m.busRead(0x1005), 0x5a, 'bank 1 kept its byte');
  const at = m.allocate(40000);
  m.cartSave(at);
  m.busWrite(0x1405, 0x22);
  m.busWrite(0x3f, 0);
  m.cartRestore(at);
  t.equal(m.busRead(0x1005), 0x5a, 'a restored state is back in RAM bank 1 with its byte');
  m.busWrite(0x3f, 0);
  t.equal(m.busRead(0x1005), image[5], 'and ROM again after $3F');
});

t.test('MB: each access to $FF0 moves on one bank, from bank 1, wrapping after 15', async (t) => {
  const { m, scheme } = withCart(banked(16));
  t.equal(scheme, MB, '64K without 3E/3F signatures');
  t.equal(bankAt(m.busRead(0x1000)), 1, 'reset bank');
  m.busRead(0x1ff0);
  t.equal(bankAt(m.busRead(0x1000)), 2);
  m.busWrite(0x3ff0, 0);
  t.equal(bankAt(m.busRead(0x1000)), 3, 'a write (through a mirror) too');
  for (let i = 0; i < 13; i++) m.busRead(0x1ff0);
  t.equal(bankAt(m.busRead(0x1000)), 0, 'wrapped');
  m.busRead(0x1ff1);
  m.busRead(0x1fef);
  t.equal(bankAt(m.busRead(0x1000)), 0, 'its neighbours do nothing');
});

t.test('CV: 2K ROM at $800, 1K RAM read at $000 and written at $400', async (t) => {
  const image = banked(2, 1024);
  image.set([0x9d, 0xff, 0xf3], 0x10); // STA $F3FF,X: the signature
  const { m, scheme } = withCart(image);
  t.equal(scheme, CV);
  t.equal(bankAt(m.busRead(0x1800)), 0, 'ROM from $800');
  t.equal(bankAt(m.busRead(0x1c00)), 1);
  m.busWrite(0x1412, 0x99);
  t.equal(m.busRead(0x1012), 0x99, 'RAM');
  t.equal(m.busRead(0x1412), image[0x412], 'the write port reads ROM');
  m.busWrite(0x1012, 0x33);
  t.equal(m.busRead(0x1012), 0x99, 'the read port is not writable');

  const withRam = new Uint8Array(4096);
  for (let i = 0; i < 4096; i++) withRam[i] = (i * 7) & 0xff;
  withRam.set([0x99, 0x00, 0xf4], 0x900); // STA $F400,Y
  const cv4 = withCart(withRam);
  t.equal(cv4.scheme, CV, '4K');
  t.equal(cv4.m.busRead(0x1003), withRam[3], 'RAM starts as the image\'s first 1K');
  t.equal(cv4.m.busRead(0x1803), withRam[2048 + 3], 'ROM is the second half');
});

// DPC image: 8K of program (every byte = bank * 16 + offset & 15), then the
// display data, byte j = j & 0xff; a fetcher with counter c reads byte 2047 - c.
function dpcImage(size: number): Uint8Array {
  const image = new Uint8Array(size);
  image.set(banked(2));
  for (let j = 0; j < 2048; j++) image[8192 + j] = j & 0xff;
  return image;
}

t.test('DPC: detected by size, F8-like banks, fetchers, flags and the random generator', async (t) => {
  for (const size of [10240, 10495, 10496]) t.equal(withCart(dpcImage(size)).scheme, DPC, `${size} bytes`);
  const { m } = withCart(dpcImage(10495));
  t.equal(bankAt(m.busRead(0x1200)), 1, 'reset bank 1');
  m.busRead(0x1ff8);
  t.equal(bankAt(m.busRead(0x1200)), 0);
  m.busWrite(0x1ff9, 0);
  t.equal(bankAt(m.busRead(0x1200)), 1);
  t.equal(m.busRead(0x1045), (1 << 4) | 5, '$040-$07F read ROM');

  // Random: reset to 1, then each access the chip sees shifts in NOT(b7^b5^b4^b3).
  m.busWrite(0x1070, 0);
  t.same([0x1000, 0x1001, 0x1003].map((a) => m.busRead(a)), [0x03, 0x07, 0x0f], 'reads of fetchers 0-3');
  m.busWrite(0x1fff, 0); // a write anywhere in the window clocks it: 0x1e
  m.busRead(0x1fc0); // so does a read of $FC0-$FFF: 0x3d
  m.busRead(0x1fbf); // but not plain ROM
  t.equal(m.busRead(0x1002), 0x7a);

  // Fetcher 1: top $20, bottom $10, counter $322.
  m.busWrite(0x1041, 0x20);
  m.busWrite(0x1049, 0x10);
  m.busWrite(0x1051, 0x22);
  m.busWrite(0x1059, 0xfb); // high: only 3 bits
  t.equal(m.busRead(0x1009), 2047 - 0x322 & 0xff, 'display data, counting down');
  t.equal(m.busRead(0x1009), 2047 - 0x321 & 0xff);
  t.equal(m.busRead(0x1011), 2047 - 0x320 & 0xff, 'low byte = top: flag set, AND passes the byte');
  t.equal(m.busRead(0x1039), 0xff, 'the flag');
  for (let c = 0x31e; c > 0x310; c--) m.busRead(0x1039);
  t.equal(m.busRead(0x1011), 0, 'low byte = bottom: flag clear, AND gives 0');
  t.equal(m.busRead(0x1019), 0, 'functions 3-6 read 0');
  t.equal(m.busRead(0x1009), 2047 - 0x30e & 0xff, 'and still count');

  const at = m.allocate(256);
  const length = m.cartSave(at);
  const before = [m.busRead(0x1009), m.busRead(0x1000)];
  m.cartRestore(at);
  t.same([m.busRead(0x1009), m.busRead(0x1000)], before, 'a restored state repeats the same reads');
  t.ok(length > 32, 'the chip\'s registers are in the state');
});

t.test('MC: four 1K slots of ROM or RAM blocks, slot 3 locked after the reset vector', async (t) => {
  const image = new Uint8Array(128 * 1024);
  for (let i = 0; i < image.length; i++) image[i] = i >> 10; // the ROM block's number
  const { m, scheme } = withCart(image);
  t.equal(scheme, MC, '128K without 3E/3F signatures');
  m.busWrite(0x3c, 0x85);
  m.busWrite(0x203f, 0x82); // A13 mirror
  t.equal(m.busRead(0x1000), 5, 'ROM block 5 in slot 0');
  t.equal(m.busRead(0x1c00), 2, 'ROM block 2 in slot 3');
  m.busWrite(0x3d, 0x03);
  m.busWrite(0x1405, 0x5a);
  t.equal(m.busRead(0x1605), 0x5a, 'RAM block 3: written in the first half, read in the second');
  m.busWrite(0x3e, 0x43);
  t.equal(m.busRead(0x1a05), 0x5a, 'the same block in slot 2 ($43 & $3F)');
  t.equal(m.busRead(0x1405), 0, 'a read of the write port gives 0...');
  t.equal(m.busRead(0x1605), 0, '...and clears the byte');
  m.busRead(0x1ffc);
  t.equal(m.busRead(0x1c00), 127, 'the reset vector locks the last ROM block into slot 3');
  const at = m.allocate(40000);
  m.cartSave(at);
  m.busRead(0x1bff);
  t.equal(m.busRead(0x1c00), 2, 'an access to $000-$BFF unlocks it');
  m.cartRestore(at);
  t.equal(m.busRead(0x1c00), 127, 'the lock is in the state');
  t.equal(m.busRead(0x05), 0, '$00-$3F read 0');
  m.busWrite(0x3c, 0x01);
  m.busWrite(0x10, 0x77);
  t.equal(m.busRead(0x1210), 0x77, 'a write to $00-$3B goes to slot 0\'s RAM');
});

t.test('images the emulator cannot run are refused', async (t) => {
  t.equal(withCart(new Uint8Array(3000)).scheme, -1, 'odd size');
  t.equal(withCart(new Uint8Array(8448)).scheme, -1, 'Supercharger');
});
