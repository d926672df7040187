// Where the server keeps its ROMs: --rom-dir, else $STADIUM_ROM_DIR, else ~/.stadium/roms. Clients never name
// paths; they choose games by environment id and the server looks up the canonical file name here.

import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultRomDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.STADIUM_ROM_DIR || join(homedir(), '.stadium', 'roms');
}
