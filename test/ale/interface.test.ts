// ALEInterface: loading and refusing ROMs, argument checks, state
// save/restore, palette conversion, and the game layer's bookkeeping.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createALE, createALEWithRom } from '../../env-server/ale/node-loader.js';
import { fnv1a32 } from '../../env-server/ale/trace.js';
import { md5Hex } from '../../env-server/ale/md5.js';
import { sharedDir } from './machine.js';

const romDir = path.join(sharedDir, 'roms');
const paletteCsv = path.join(sharedDir, 'reference', 'ale', 'ntsc_palette.csv');
const haveRoms = existsSync(romDir);
const noRoms = haveRoms ? false : `needs the ROMs in ${romDir}, which are absent`;

t.test('md5 of known inputs (RFC 1321 test suite)', async (t) => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  t.equal(md5Hex(enc('')), 'd41d8cd98f00b204e9800998ecf8427e');
  t.equal(md5Hex(enc('abc')), '900150983cd24fb0d6963f7d28e17f72');
  t.equal(md5Hex(enc('12345678901234567890123456789012345678901234567890123456789012345678901234567890')),
    '57edf4a22be3c955ac49da2e2107b67a');
});

t.test('refuses what it cannot run, with the reason', async (t) => {
  const ale = await createALE();
  t.throws(() => ale.act(0), /no ROM loaded/);
  t.throws(() => ale.loadROM(new Uint8Array(1000)), /not a 2600 cartridge size/);
  t.throws(() => ale.loadROM(new Uint8Array(4096)), /MD5 [0-9a-f]{32} is not one of the games ALE supports/);
  await t.rejects(createALE({ frameSkip: 0 }), /frameSkip must be an integer >= 1/);
  await t.rejects(createALE({ repeatActionProbability: 1.5 }), /repeatActionProbability must be in \[0, 1\]/);
});

t.test('argument checks on a loaded game', { skip: noRoms }, async (t) => {
  const ale = await createALEWithRom(path.join(romDir, 'pong.bin'));
  t.throws(() => ale.act(18), /action must be an integer in 0\.\.17/);
  t.throws(() => ale.act(-1), /action must be an integer/);
  t.throws(() => ale.setMode(7), /mode 7 is not available; available modes: 0, 1/);
  t.throws(() => ale.setDifficulty(9), /difficulty 9 is not available/);
  t.throws(() => ale.setRAM(128, 0), /RAM index must be in 0\.\.127/);
  t.throws(() => ale.setCartRAM(0, 0), /beyond this cartridge's RAM/);
  t.throws(() => ale.restoreState(new Uint8Array(16)), /not a state returned by cloneState/);
  t.same(ale.getMinimalActionSet(), [0, 1, 3, 4, 11, 12]);
  t.same(ale.getAvailableModes(), [0, 1]);
  t.same(ale.getAvailableDifficulties(), [0, 1, 2, 3]);
  t.equal(ale.getLegalActionSet().length, 18);
});

t.test('Skiing takes no FIRE: its legal set leaves FIRE out and FIRE actions play as NOOP', { skip: noRoms }, async (t) => {
  const rom = path.join(romDir, 'skiing.bin');
  const withFire = await createALEWithRom(rom);
  const idle = await createALEWithRom(rom);
  t.same(withFire.getLegalActionSet(), [0, 2, 3, 4, 5, 6, 7, 8, 9]);
  // RIGHTFIRE taken as RIGHT would turn the skier.
  for (let i = 0; i < 60; i++) {
    withFire.act(i < 30 ? 11 : 1);
    idle.act(0);
  }
  t.same(withFire.getRAM(), idle.getRAM());
});

t.test('cloneState/restoreState replays the same future', { skip: noRoms }, async (t) => {
  for (const game of ['breakout', 'gravitar', 'montezuma_revenge']) {
    const ale = await createALEWithRom(path.join(romDir, `${game}.bin`));
    const actions = ale.getMinimalActionSet();
    const play = (steps: number, seed: number): string[] => {
      const out: string[] = [];
      for (let i = 0; i < steps; i++) {
        const r = ale.act(actions[(seed * 7 + i * 13) % actions.length]);
        out.push(`${r} ${ale.lives()} ${fnv1a32(ale.getRAM())} ${fnv1a32(ale.getScreen())}`);
      }
      return out;
    };
    play(300, 1);
    const state = ale.cloneState();
    const frame = ale.getFrameNumber();
    const first = play(200, 2);
    play(100, 3); // wander off
    ale.restoreState(state);
    t.equal(ale.getFrameNumber(), frame, `${game}: frame number restored`);
    const second = play(200, 2);
    // The first frame after a restore draws into the buffer the restore left
    // current, so compare from the second step on for the screen.
    t.same(second.slice(1), first.slice(1), `${game}: identical rewards, lives, RAM and screens`);
    t.equal(second[0].split(' ').slice(0, 3).join(' '), first[0].split(' ').slice(0, 3).join(' '), `${game}: first step RAM`);
  }
});

t.test("cloneState/restoreState keep a game's own bookkeeping", { skip: noRoms }, async (t) => {
  // Each game's rules remember more than reward, score and lives: the hole's par and strokes (Miniature Golf), the
  // setter's score and the timer's last value (Hangman), frames without input (Othello), the match count (Haunted
  // House). After a restore the same RAM must give what it gave before the state was cloned.
  const cases: [string, Record<number, number>[], Record<number, number>][] = [
    ['miniature_golf', [{ 0xaf: 2, 0x88: 0, 0x87: 0 }, { 0xaf: 3 }, { 0x88: 4 }, { 0x88: 0, 0x87: 1 }, { 0x87: 5 }, { 0x87: 2 }], { 0xaf: 4 }],
    ['hangman', [{ 0xeb: 0, 0xec: 3, 0xf1: 0xfe }, { 0xf1: 0xff }], { 0xf1: 0, 0xec: 4 }],
    ['othello', [{ 0xc0: 1 }, ...Array.from({ length: 50 }, () => ({ 0xc0: 0 }))], { 0xc0: 0 }],
    ['haunted_house', [{ 0x82: 5, 0x96: 9, 0x99: 0 }, {}], {}],
  ];
  for (const [game, before, after] of cases) {
    const ale = await createALEWithRom(path.join(romDir, `${game}.bin`));
    const apply = (ram: Record<number, number>): string => {
      for (const [address, value] of Object.entries(ram)) ale.setRAM(Number(address) - 0x80, value);
      const reward = ale.applyGameRules();
      return `reward ${reward}, game over ${ale.gameOver()}, lives ${ale.lives()}`;
    };
    for (const ram of before) apply(ram);
    const state = ale.cloneState();
    const expected = apply(after);
    const wander: Record<number, number>[] = [{ 0xaf: 7, 0x87: 9, 0x88: 3, 0xeb: 9, 0xec: 9, 0xf1: 7, 0xc0: 1, 0x82: 8 }, {}];
    for (const ram of wander) apply(ram);
    ale.restoreState(state);
    t.equal(apply(after), expected, `${game}: ${expected}`);
  }
});

t.test("a game's illegal actions play as NOOP: Lost Luggage's fire actions", { skip: noRoms }, async (t) => {
  const ale = await createALEWithRom(path.join(romDir, 'lost_luggage.bin'));
  const start = ale.cloneState();
  const play = (action: number): Uint8Array => {
    ale.restoreState(start);
    for (let i = 0; i < 200; i++) ale.act(action);
    return Uint8Array.from(ale.getRAM());
  };
  const noop = play(0);
  t.same(ale.getLegalActionSet(), [0, 2, 3, 4, 5, 6, 7, 8, 9], 'ALE leaves them out of the legal set');
  t.same(play(1), noop, 'FIRE');
  t.same(play(13), noop, 'DOWNFIRE');
  t.notSame(play(5), noop, 'DOWN moves');
});

t.test('setRAM writes the console RAM', { skip: noRoms }, async (t) => {
  const ale = await createALEWithRom(path.join(romDir, 'pong.bin'));
  ale.setRAM(5, 0xab);
  t.equal(ale.getRAM()[5], 0xab);
});

t.test('screen colours follow ALE\'s NTSC palette', { skip: haveRoms && existsSync(paletteCsv) ? false : 'needs ../shared' }, async (t) => {
  const rows = readFileSync(paletteCsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const ale = await createALEWithRom(path.join(romDir, 'space_invaders.bin'));
  for (let i = 0; i < 50; i++) ale.act(1);
  const screen = ale.getScreen();
  const rgb = ale.getScreenRGB();
  const gray = ale.getScreenGrayscale();
  const byIndex = new Map(rows.map(([index, r, g, b, y]) => [index, [r, g, b, y]]));
  let checked = 0;
  for (let p = 0; p < screen.length; p += 97) {
    const [r, g, b, y] = byIndex.get(screen[p])!;
    t.same([rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2], gray[p]], [r, g, b, y]);
    checked++;
  }
  t.ok(checked > 300);
  t.ok(new Set(screen).size > 3, 'the screen shows several colours');
});

t.test('episode bookkeeping: frame numbers, truncation, sticky actions', { skip: noRoms }, async (t) => {
  const rom = new Uint8Array(readFileSync(path.join(romDir, 'breakout.bin')));
  const ale = await createALE({ maxNumFramesPerEpisode: 50, frameSkip: 2 });
  ale.loadROM(rom);
  t.equal(ale.getEpisodeFrameNumber(), 0);
  for (let i = 0; i < 20; i++) ale.act(1);
  t.equal(ale.getFrameNumber(), 40, 'frame skip 2 counts two frames per act');
  t.notOk(ale.gameOver());
  for (let i = 0; i < 5; i++) ale.act(1);
  t.ok(ale.gameOver(), 'truncated at 50 frames');
  t.notOk(ale.gameOver(false), 'but the game itself is not over');
  t.equal(ale.act(0), 0, 'no more frames once over');
  t.equal(ale.getFrameNumber(), 50);
  ale.resetGame();
  t.equal(ale.getEpisodeFrameNumber(), 0);
  t.equal(ale.getFrameNumber(), 50, 'the total frame count survives a reset');

  // With stickiness 1 the first action (NOOP after reset) repeats forever:
  // pressing FIRE never launches a ball, so the RAM matches plain NOOPs.
  const sticky = await createALE({ repeatActionProbability: 1 });
  const plain = await createALE();
  sticky.loadROM(rom);
  plain.loadROM(rom);
  for (let i = 0; i < 60; i++) {
    sticky.act(1);
    plain.act(0);
  }
  t.same([...sticky.getRAM()], [...plain.getRAM()]);
});

t.test('a second loadROM starts from scratch, like a new ALE', { skip: noRoms }, async (t) => {
  const breakout = new Uint8Array(readFileSync(path.join(romDir, 'breakout.bin')));
  const reused = await createALEWithRom(path.join(romDir, 'pong.bin'), { repeatActionProbability: 0.25 });
  for (let i = 0; i < 100; i++) reused.act(i % 6 === 0 ? 1 : 3);
  reused.loadROM(breakout);
  const fresh = await createALE({ repeatActionProbability: 0.25 });
  fresh.loadROM(breakout);
  t.equal(reused.getFrameNumber(), 0);
  t.equal(reused.getCompletedFrames(), fresh.getCompletedFrames(), 'frame counter restarts');
  for (let i = 0; i < 200; i++) {
    const a = [0, 1, 3, 4][i % 4];
    t.equal(reused.act(a), fresh.act(a));
  }
  t.same([...reused.getRAM()], [...fresh.getRAM()]);
  t.equal(fnv1a32(reused.getScreen()), fnv1a32(fresh.getScreen()));
});

t.test('cloneState/restoreState run in constant memory', { skip: noRoms }, async (t) => {
  const ale = await createALEWithRom(path.join(romDir, 'pong.bin'));
  const memory = (ale as unknown as { wasm: { memory: WebAssembly.Memory } }).wasm.memory;
  const state = ale.cloneState();
  ale.restoreState(state);
  const before = memory.buffer.byteLength;
  // The wasm runtime never frees: a few hundred bytes allocated per call would add megabytes here.
  for (let i = 0; i < 20_000; i++) ale.restoreState(ale.cloneState());
  t.equal(memory.buffer.byteLength, before, 'wasm memory did not grow');
  ale.act(0);
  t.equal(fnv1a32(ale.getRAM()), (ale.restoreState(state), ale.act(0), fnv1a32(ale.getRAM())), 'a restored state plays on identically');
});
