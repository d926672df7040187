// The registry of the conformance suite: the classic ids and the Atari ids over the shared ROMs. Its own module,
// without side effects, because pool workers import it to rebuild the registry (its recipe names it).

import { Registry } from '../../env-server/registry.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { atariEnvs } from '../../env-server/envs/atari/registry.js';
import { RomStore } from '../../env-server/roms/rom-store.js';

export function conformanceRegistry(romDir: string): Registry {
  return new Registry({ module: import.meta.url, export: 'conformanceRegistry', args: [romDir] }).register(...classicEnvs, ...atariEnvs(new RomStore(romDir, () => [])));
}
