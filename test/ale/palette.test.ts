// ALE's palettes as the screen getters apply them. The luminance values below
// are the ones ALE's own tables hold next to each colour (its Palettes.hpp),
// so they check our conversion rule, not just our copy of the colours.
import t from 'tap';
import { NTSC_PALETTE, PAL_PALETTE } from '../../env-server/ale/palette.js';

const rgbAt = (p: { rgb: Uint8Array }, i: number): number => (p.rgb[i * 3] << 16) | (p.rgb[i * 3 + 1] << 8) | p.rgb[i * 3 + 2];

t.test('PAL colours and the luminance ALE lists for them', async (t) => {
  for (const [index, rgb, lum] of [
    [0x02, 0x2b2b2b, 0x2b],
    [0x20, 0x805800, 0x5a],
    [0x32, 0x5e791a, 0x66],
    [0x52, 0x1a8035, 0x59],
    [0x6e, 0xfc90c8, 0xb7],
    [0x9e, 0x88e0fc, 0xc9],
    [0xde, 0x9090fc, 0x9c],
    [0xfe, 0xececec, 0xec],
  ]) {
    t.equal(rgbAt(PAL_PALETTE, index), rgb, `RGB of $${index.toString(16)}`);
    t.equal(PAL_PALETTE.gray[index], lum, `luminance of $${index.toString(16)}`);
  }
  t.not(rgbAt(PAL_PALETTE, 0x20), rgbAt(NTSC_PALETTE, 0x20), 'not the NTSC colours');
});

t.test('odd indices (PAL colour loss) read the neighbouring table entries, as ALE does', async (t) => {
  t.equal(rgbAt(PAL_PALETTE, 0x21), 0x5a5a5a, 'RGB: the gray of the colour below');
  t.equal(PAL_PALETTE.gray[0x21], 0x1a, 'grayscale: the blue of the colour above ($96711A)');
  t.equal(PAL_PALETTE.gray[0xff], 0, 'past the table');
});
