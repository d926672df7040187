// Cartridge schemes: auto-detection by size and byte patterns, the reset
// bank, and bank switching by touching hot spots (reads and writes alike).
// The images are synthetic: every byte tells which bank (or 1K slice) it is
// in, so a read shows what the window maps.
import t from 'tap';
import { withCart } from './machine.js';

// Scheme numbers of carts/cartridge.ts.
const K2 = 0, K4 = 1, F8 = 2, F6 = 3, F4 = 4, F8SC = 5, F6SC = 6, F4SC = 7, E0 = 8;

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

t.test('images the emulator cannot run are refused', async (t) => {
  t.equal(withCart(new Uint8Array(3000)).scheme, -1, 'odd size');
  const threeE = banked(2);
  threeE.set([0x85, 0x3e, 0xa9, 0x00], 0x100); // STA $3E; LDA #0: a 3E cart
  t.equal(withCart(threeE).scheme, -1, '3E');
});
