// ROM folders of an installed ale-py (it ships the ROMs inside the wheel at ale_py/roms/*.bin): asked of python3
// when there is one, plus the usual site-packages locations, so a machine set up for Gymnasium needs no import.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const PROBE = 'import os, ale_py; print(os.path.join(os.path.dirname(ale_py.__file__), "roms"))';

function fromPython(): string[] {
  const r = spawnSync('python3', ['-c', PROBE], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? [r.stdout.trim()] : [];
}

function fromSitePackages(): string[] {
  const found: string[] = [];
  for (const lib of ['/usr/lib', '/usr/local/lib', join(homedir(), '.local', 'lib')]) {
    let pythons: string[];
    try {
      pythons = readdirSync(lib).filter((d) => d.startsWith('python3'));
    } catch {
      continue;
    }
    for (const py of pythons) for (const pkgs of ['site-packages', 'dist-packages']) found.push(join(lib, py, pkgs, 'ale_py', 'roms'));
  }
  return found;
}

let cached: string[] | undefined;

/** Existing ale-py ROM folders, looked up once per process. */
export function alePyRomDirs(): string[] {
  cached ??= [...new Set([...fromPython(), ...fromSitePackages()])].filter((d) => existsSync(d));
  return cached;
}
