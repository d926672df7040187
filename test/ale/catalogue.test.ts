// The game table as read from ale.wasm without a ROM (env-server/ale/catalogue.ts) against independent references:
// the MD5s of ../shared/roms/MD5SUMS and the per-game facts table of ../shared/reference/ale/README.md (ALE's own
// minimal action sets, default modes and screen heights); the four ROMs ALE knows without settings are refused with
// that reason; and the emulator's TypeScript stands alone (no import leaves env-server/ale).
import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GameCatalogue, ROMS_WITHOUT_SETTINGS, readGameTable } from '../../env-server/ale/catalogue.js';
import { ALE_WASM_PATH, createALE } from '../../env-server/ale/node-loader.js';
import { sharedDir } from './machine.js';

const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(ALE_WASM_PATH)), {});
const games = readGameTable(instance);
const romDir = path.join(sharedDir, 'roms');
const readme = path.join(sharedDir, 'reference', 'ale', 'README.md');
const skip = existsSync(romDir) && existsSync(readme) ? false : `needs ${romDir} and ${readme}, which are absent`;

t.test('the table is read without a ROM: distinct ROM ids and MD5s, sane facts', async (t) => {
  t.ok(games.length >= 10, `${games.length} games`);
  t.equal(new Set(games.map((g) => g.rom)).size, games.length, 'ROM ids distinct');
  t.equal(new Set(games.map((g) => g.md5)).size, games.length, 'MD5s distinct');
  for (const g of games) {
    t.match(g.rom, /^[a-z0-9_]+$/, `${g.rom}: a ROM id`);
    t.match(g.md5, /^[0-9a-f]{32}$/, `${g.rom}: an MD5`);
    t.ok(g.minimalActions.length >= 2 && g.minimalActions.every((a) => a >= 0 && a < 18), `${g.rom}: minimal actions`);
    t.equal(g.defaultMode, g.modes[0], `${g.rom}: ALE's default mode is the first`);
    t.ok(g.difficulties.length >= 1 && g.screenHeight >= 200 && g.screenHeight <= 300, `${g.rom}: difficulties, height`);
  }
  const pong = new GameCatalogue(games).gameByRom('pong');
  t.same(pong && [pong.md5, pong.minimalActions, pong.modes, pong.difficulties, pong.screenHeight],
    ['60e0ea3cbe0913d39803477945e9e5ec', [0, 1, 3, 4, 11, 12], [0, 1], [0, 1, 2, 3], 210], 'pong, from ALE\'s PongSettings');
});

t.test('every game\'s facts equal ALE\'s (MD5SUMS and the reference README\'s table)', { skip }, async (t) => {
  const md5sums = new Map(readFileSync(path.join(romDir, 'MD5SUMS'), 'utf8').trim().split('\n').map((l) => {
    const [md5, file] = l.trim().split(/\s+/);
    return [file.replace(/\.bin$/, ''), md5] as const;
  }));
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | game | md5 | bytes | bank | TV | h | N | minimal actions | lives | tf@reset | mode | ...
    if (cells.length > 12 && /^[0-9a-f]{32}$/.test(cells[2])) rows.set(cells[1], cells.slice(1));
  }
  t.ok(rows.size >= 100, `${rows.size} games in the README's table`);
  for (const g of games) {
    const row = rows.get(g.rom);
    if (!row) {
      t.fail(`${g.rom} is not a game of ALE's table`);
      continue;
    }
    const minimal = row[7] === 'all 18' ? Array.from({ length: 18 }, (_, a) => a) : row[7].split(' ').map(Number);
    t.same([g.md5, g.screenHeight, g.minimalActions, g.defaultMode], [md5sums.get(g.rom), Number(row[5]), minimal, Number(row[10])], g.rom);
  }
  for (const r of ROMS_WITHOUT_SETTINGS) {
    t.equal(md5sums.get(r.rom), r.md5, `${r.rom}: the MD5 ALE lists`);
    t.notOk(rows.has(r.rom), `${r.rom}: not among the games ALE has settings for`);
  }
});

t.test('the screen height the table states without a ROM is the one the loaded ROM gets (PAL found by the probe)', { skip }, async (t) => {
  const ale = await createALE();
  for (const g of games) {
    ale.loadROM(new Uint8Array(readFileSync(path.join(romDir, `${g.rom}.bin`))));
    t.equal(ale.getScreenDims()[0], g.screenHeight, g.rom);
  }
});

t.test('ROMs ALE knows without settings are refused with that reason', { skip }, async (t) => {
  for (const r of ROMS_WITHOUT_SETTINGS) {
    const ale = await createALE();
    t.throws(() => ale.loadROM(new Uint8Array(readFileSync(path.join(romDir, `${r.rom}.bin`)))),
      new RegExp(`unsupported ROM: ${r.rom} \\(MD5 ${r.md5}\\) is a ROM ALE knows but has no game settings for: it has no single-player mode`));
  }
});

t.test('the emulator stands alone: its modules import only each other (and Node built-ins in the Node-only files)', async (t) => {
  const dir = fileURLToPath(new URL('../../../env-server/ale/', import.meta.url));
  const nodeOnly = new Set(['node-loader.ts', 'cli.ts']);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  t.ok(files.includes('ale-interface.ts') && files.includes('catalogue.ts'));
  for (const file of files) {
    const imports = [...readFileSync(path.join(dir, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    const outside = imports.filter((s) => !s.startsWith('./') && !(nodeOnly.has(file) && s.startsWith('node:')));
    t.same(outside, [], `${file} imports ${imports.join(', ') || 'nothing'}`);
  }
});
