// Which of the shared ROMs the emulator has game settings for. The trace and rendering tests take those and name the
// others as skipped, so that the suite stays green while games are added (the skipped list is empty once every game
// ALE supports is in the table).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createALE } from '../../env-server/ale/node-loader.js';
import { md5Hex } from '../../env-server/ale/md5.js';

export interface SharedRoms {
  /** Game names (ROM file base names) the emulator supports, sorted. */
  supported: string[];
  /** Game names it has no settings for yet. */
  unsupported: string[];
}

export async function sharedRoms(romDir: string): Promise<SharedRoms> {
  const ale = await createALE();
  const supported: string[] = [];
  const unsupported: string[] = [];
  for (const file of readdirSync(romDir).filter((f) => f.endsWith('.bin')).sort()) {
    const game = file.slice(0, -'.bin'.length);
    (ale.supportsRom(md5Hex(readFileSync(path.join(romDir, file)))) ? supported : unsupported).push(game);
  }
  return { supported, unsupported };
}
