// A game's cartridge properties decide its screen and cart as in ALE 0.12.1: Display.Height sets the rows of
// getScreen/getScreenRGB/getScreenGrayscale, a PAL cart left at the default 210 gets 250, and Display.Format and
// Cartridge.Type, when a game sets them, replace the power-on format probe and the bank-switching detection. Our ROMs
// (test/ale/roms) run through ALEInterface over machine-test.wasm, whose loadGame plays any ROM with the properties
// given to setGameProperties.
import t, { type Test } from 'tap';
import { ALEInterface } from '../../env-server/ale/ale-interface.js';
import { NTSC_PALETTE, PAL_PALETTE } from '../../env-server/ale/palette.js';
import { machineModule } from './machine.js';
import { assemble, dasmSkip as skip } from './dasm.js';

// DisplayFormat of system.ts, and Scheme numbers of carts/cartridge.ts.
const AUTO = 0, NTSC = 1, PAL = 2;
const DETECT = -1, K4 = 1, AR = 19;

interface Properties {
  height?: number;
  format?: number;
  cartType?: number;
}

function play(rom: string, p: Properties = {}): ALEInterface {
  const instance = new WebAssembly.Instance(machineModule, {});
  const set = instance.exports.setGameProperties as (firstLine: number, height: number, format: number, cartType: number) => void;
  set(34, p.height ?? 210, p.format ?? AUTO, p.cartType ?? DETECT);
  const ale = ALEInterface.fromInstance(instance);
  ale.loadROM(assemble(rom));
  return ale;
}

/** Every getter holds rows x 160 pixels, RGB and grayscale being the palette's entries for the screen's indices. */
function checkGetters(t: Test, ale: ALEInterface, rows: number, palette: typeof NTSC_PALETTE): void {
  t.same(ale.getScreenDims(), [rows, 160], `${rows} x 160`);
  const screen = ale.getScreen();
  const rgb = ale.getScreenRGB();
  const gray = ale.getScreenGrayscale();
  t.equal(screen.length, rows * 160, 'getScreen');
  t.equal(rgb.length, rows * 160 * 3, 'getScreenRGB');
  t.equal(gray.length, rows * 160, 'getScreenGrayscale');
  let bad = 0;
  for (let i = 0; i < screen.length; i++) {
    const p = screen[i];
    if (gray[i] !== palette.gray[p] || [0, 1, 2].some((c) => rgb[3 * i + c] !== palette.rgb[3 * p + c])) bad++;
  }
  t.equal(bad, 0, 'every row converted with the palette');
}

t.test('Display.Height sets the rows of every screen getter', { skip }, async (t) => {
  const usual = play('tia-objects');
  const taller = play('tia-objects', { height: 230 });
  checkGetters(t, usual, 210, NTSC_PALETTE);
  checkGetters(t, taller, 230, NTSC_PALETTE);
  for (let i = 0; i < 20; i++) {
    usual.act(0);
    taller.act(0);
  }
  // The height changes only how many scanlines are kept: the first 210 rows are the same scanlines.
  t.same(taller.getScreen().subarray(0, 210 * 160), usual.getScreen(), 'the first 210 rows are the usual screen');
});

t.test('a PAL cart left at 210 rows gets 250, one whose height is set keeps it', { skip }, async (t) => {
  const pal = play('pal-rows');
  checkGetters(t, pal, 250, PAL_PALETTE);
  // Row r is scanline 34 + r of the frame; the frame's line n (n >= 1, the first whole line after VSYNC) has
  // background 2(n - 1) mod 256, so row r shows index (66 + 2r) mod 256 all along.
  const screen = pal.getScreen();
  let bad = 0;
  for (let r = 0; r < 250; r++) for (let x = 0; x < 160; x++) if (screen[r * 160 + x] !== ((66 + 2 * r) & 0xff)) bad++;
  t.equal(bad, 0, 'each row shows its own scanline\'s colour');
  checkGetters(t, play('pal-rows', { height: 220 }), 220, PAL_PALETTE);
});

t.test('Display.Format replaces the power-on probe', { skip }, async (t) => {
  // Told NTSC, the PAL cart keeps 210 rows and the NTSC palette; told PAL, the NTSC cart gets 250 and the PAL palette.
  checkGetters(t, play('pal-rows', { format: NTSC }), 210, NTSC_PALETTE);
  checkGetters(t, play('tia-objects', { format: PAL }), 250, PAL_PALETTE);
  // The probe's 60 frames are emulated only when the format is left to it.
  const probed = play('tia-objects').getCompletedFrames();
  const told = play('tia-objects', { format: NTSC }).getCompletedFrames();
  t.equal(probed - told, 60, 'the probe runs 60 frames');
});

t.test('Cartridge.Type replaces the bank-switching detection', { skip }, async (t) => {
  // A 4K image is never detected as a Supercharger load; named one, it is refused as such.
  t.throws(() => play('tia-objects', { cartType: AR }), /Supercharger \(AR\)/);
  const named = play('tia-objects', { cartType: K4 });
  const detected = play('tia-objects');
  t.same(named.getScreen(), detected.getScreen(), 'naming the detected scheme changes nothing');
});
