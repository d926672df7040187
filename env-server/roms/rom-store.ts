// Finds and checks the ROM of a game: the canonical file in the ROM folder, else in an installed ale-py. A file
// that is there but is not the expected dump is refused, never run. Images are read once per process.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failedPrecondition } from '../errors.js';
import type { AtariGame } from '../envs/atari/games.js';
import { identifyRom } from './identify.js';
import { alePyRomDirs } from './ale-py.js';

export class RomStore {
  private readonly images = new Map<string, Uint8Array>();

  /** `alePyDirs` defaults to the discovered ale-py folders; tests pass [] to see only `romDir`. */
  constructor(
    readonly romDir: string,
    private readonly alePyDirs: () => string[] = alePyRomDirs,
  ) {}

  load(game: AtariGame): Uint8Array {
    const cached = this.images.get(game.rom);
    if (cached) return cached;
    // ale-py's folders only when the ROM folder lacks the file: finding them asks python3 (~0.1 s, in every worker).
    const dirs = [this.romDir];
    for (let k = 0; k < dirs.length; k++) {
      const dir = dirs[k];
      const file = join(dir, `${game.rom}.bin`);
      let image: Uint8Array;
      try {
        image = new Uint8Array(readFileSync(file));
      } catch {
        if (k === 0) dirs.push(...this.alePyDirs());
        continue;
      }
      const id = identifyRom(image);
      if (id.game !== game) {
        throw failedPrecondition(
          `ROM file ${file} for ${game.name} is refused: ${id.game ? `it is the ROM of ${id.game.name}` : id.why}; ` +
            `ALE needs the dump with MD5 ${game.md5}. Replace it with: stadium roms import DIR --rom-dir ${this.romDir}`,
        );
      }
      this.images.set(game.rom, image);
      return image;
    }
    throw failedPrecondition(
      `the ROM of ${game.name} is not installed: looked for ${game.rom}.bin (MD5 ${game.md5}) in ${dirs.join(', ')}. ` +
        `Put the ROM file in a folder and run: stadium roms import DIR --rom-dir ${this.romDir}`,
    );
  }
}
