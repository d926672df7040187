// `stadium roms import`: files are recognised by MD5 and copied under their canonical names; anything of the wrong
// size or an unknown MD5 is refused with the reason, never copied; ROMs of an ale-py install are found; a server
// without a game's ROM says so over the wire.

import t, { type Test } from 'tap';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { importRoms } from '../../env-server/roms/import.js';
import { RomStore } from '../../env-server/roms/rom-store.js';
import { atariGames } from '../../env-server/envs/atari/games.js';
import { atariEnvs } from '../../env-server/envs/atari/registry.js';
import { StadiumError } from '../../agent-client/client.js';
import { startServer } from '../support/server.js';
import { CLI } from '../support/spawn-server.js';
import { SHARED_ROMS, romSkip } from './shared.js';

function fixture(t: Test) {
  const root = mkdtempSync(join(tmpdir(), 'stadium-import-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const src = join(root, 'downloads');
  mkdirSync(join(src, 'nested'), { recursive: true });
  copyFileSync(join(SHARED_ROMS, 'pong.bin'), join(src, 'Video Olympics (1977).a26'));
  copyFileSync(join(SHARED_ROMS, 'space_invaders.bin'), join(src, 'nested', 'si.rom'));
  writeFileSync(join(src, 'homebrew.bin'), new Uint8Array(4096).fill(0xea));
  writeFileSync(join(src, 'notes.txt'), 'not a rom');
  return { src, romDir: join(root, 'roms') };
}

t.test('imports by MD5 under canonical names and refuses the rest', { skip: romSkip }, async (t) => {
  const { src, romDir } = fixture(t);
  const report = importRoms(src, romDir);
  t.same(report.imported.map((i) => [i.game, i.to]).sort(), [
    ['Pong', join(romDir, 'pong.bin')],
    ['SpaceInvaders', join(romDir, 'space_invaders.bin')],
  ]);
  t.same(readdirSync(romDir).sort(), ['pong.bin', 'space_invaders.bin']);
  const refused = Object.fromEntries(report.refused.map((r) => [r.file.slice(src.length + 1), r.why]));
  t.match(refused['homebrew.bin'], /MD5 [0-9a-f]{32} is not a dump of any supported game/);
  t.match(refused['notes.txt'], /9 bytes is not a 2600 cartridge size/);
});

t.test('the four ROMs ALE knows without settings are named and refused with the reason', { skip: romSkip }, async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'stadium-import-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  for (const rom of ['combat', 'joust', 'maze_craze', 'warlords']) copyFileSync(join(SHARED_ROMS, `${rom}.bin`), join(root, `${rom}.a26`));
  const report = importRoms(root, join(root, 'roms'));
  t.same(report.imported, []);
  t.same(report.refused.map((r) => r.why.replace(/ \(MD5 .*/, '')), ['combat', 'joust', 'maze_craze', 'warlords']);
  t.match(report.refused[0].why, /combat \(MD5 0ef64cdbecccb7049752a3de0b7ade14\) is a ROM ALE knows but has no game settings for: it has no single-player mode/);
});

t.test('stadium roms import and list as a command', { skip: romSkip }, async (t) => {
  const { src, romDir } = fixture(t);
  const r = spawnSync(process.execPath, [CLI, 'roms', 'import', src, '--rom-dir', romDir], { encoding: 'utf8' });
  t.equal(r.status, 0, r.stderr);
  t.match(r.stdout, /imported Pong .*pong\.bin/);
  t.match(r.stdout, /refused .*homebrew\.bin: MD5/);
  t.ok(existsSync(join(romDir, 'space_invaders.bin')));
  const list = spawnSync(process.execPath, [CLI, 'roms', 'list', '--rom-dir', romDir], { encoding: 'utf8' });
  t.equal(list.status, 0, list.stderr);
  t.match(list.stdout, /Pong\s+installed/);
  t.match(list.stdout, /Breakout\s+missing\s+breakout\.bin\s+f34f08e5eb96e500e851a80be3277a56/);
  const bad = spawnSync(process.execPath, [CLI, 'roms', 'import'], { encoding: 'utf8' });
  t.equal(bad.status, 2);
  t.match(bad.stderr, /usage: stadium roms import DIR/);
});

t.test('ROMs shipped in an ale-py install are found when the ROM folder lacks them', { skip: romSkip }, async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'stadium-alepy-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const alePy = join(root, 'site-packages', 'ale_py', 'roms');
  mkdirSync(alePy, { recursive: true });
  copyFileSync(join(SHARED_ROMS, 'freeway.bin'), join(alePy, 'freeway.bin'));
  const store = new RomStore(join(root, 'empty'), () => [alePy]);
  t.equal(store.load(atariGames().find((g) => g.rom === 'freeway')!).length, 2048);
  t.throws(() => store.load(atariGames().find((g) => g.rom === 'pong')!), /not installed: looked for pong\.bin .* in .*empty, .*ale_py\/roms/);
  // Finding ale-py's folders asks python3 (~0.1 s, in every pool worker): only a ROM missing from the folder does.
  let asked = 0;
  const local = new RomStore(alePy, () => {
    asked++;
    return [];
  });
  local.load(atariGames().find((g) => g.rom === 'freeway')!);
  t.equal(asked, 0, 'a ROM in the ROM folder is loaded without looking for ale-py');
  t.throws(() => local.load(atariGames().find((g) => g.rom === 'pong')!), /not installed/);
  t.equal(asked, 1, 'a missing one looks');
});

t.test('a server without the ROM answers make with FAILED_PRECONDITION over the wire', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'stadium-noroms-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const { connect } = await startServer(t, atariEnvs(new RomStore(root, () => [])));
  const stadium = connect();
  try {
    await stadium.make('ALE/Pong-v5');
    t.fail('make succeeded without a ROM');
  } catch (e) {
    t.equal((e as StadiumError).code, status.FAILED_PRECONDITION);
    t.match((e as Error).message, /ROM of Pong is not installed.*MD5 60e0ea3cbe0913d39803477945e9e5ec.*stadium roms import DIR/);
  }
});
