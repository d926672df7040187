// `stadium roms import DIR` and `stadium roms list`: the ROM folder's commands.

import { parseArgs } from 'node:util';
import { atariGames } from '../envs/atari/games.js';
import { defaultRomDir } from './rom-dir.js';
import { importRoms } from './import.js';
import { RomStore } from './rom-store.js';

export const ROMS_USAGE = `usage: stadium roms import DIR [--rom-dir DIR]   copy every supported ROM found under DIR (recognised by MD5)
       stadium roms list [--rom-dir DIR]         which games have a ROM

  --rom-dir DIR          the server's ROM folder (default $STADIUM_ROM_DIR or ~/.stadium/roms)`;

function usage(why: string): never {
  console.error(`stadium roms: ${why}\n${ROMS_USAGE}`);
  process.exit(2);
}

export async function roms(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'rom-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(ROMS_USAGE);
    return;
  }
  const romDir = values['rom-dir'] ?? defaultRomDir();
  const [sub, ...args] = positionals;
  if (sub === 'import') {
    if (args.length !== 1) usage('import takes one folder');
    const report = importRoms(args[0], romDir);
    for (const i of report.imported) console.log(`imported ${i.game} from ${i.file} to ${i.to}`);
    for (const r of report.refused) console.log(`refused ${r.file}: ${r.why}`);
    console.log(`${report.imported.length} imported, ${report.refused.length} refused; ROM folder ${romDir}`);
  } else if (sub === 'list') {
    const store = new RomStore(romDir);
    for (const g of atariGames()) {
      let state = 'installed';
      try {
        store.load(g);
      } catch (e) {
        state = /not installed/.test((e as Error).message) ? 'missing' : 'refused';
      }
      console.log(`${g.name.padEnd(18)} ${state.padEnd(9)} ${`${g.rom}.bin`.padEnd(22)} ${g.md5}`);
    }
  } else {
    usage(sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`);
  }
}
