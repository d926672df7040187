// Every environment the server hosts by default.

import { Registry } from '../registry.js';
import { classicEnvs } from './classic/registry.js';
import { atariEnvs } from './atari/registry.js';
import { RomStore } from '../roms/rom-store.js';
import { defaultRomDir } from '../roms/rom-dir.js';

export interface RegistryOptions {
  /** Folder of Atari ROMs (default: $STADIUM_ROM_DIR or ~/.stadium/roms). */
  romDir?: string;
}

export function defaultRegistry(opts: RegistryOptions = {}): Registry {
  return new Registry({ module: import.meta.url, export: 'defaultRegistry', args: [opts] }).register(...classicEnvs, ...atariEnvs(new RomStore(opts.romDir ?? defaultRomDir())));
}
