// `stadium roms import DIR`: copies every file under DIR that is a supported game's exact dump into the ROM folder
// under its canonical name (as ale-import-roms does), and reports what it refused and why.

import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { badRomSize } from '../ale/rom-image.js';
import { identifyRom } from './identify.js';

export interface ImportReport {
  imported: { file: string; game: string; to: string }[];
  refused: { file: string; why: string }[];
}

const MAX_DEPTH = 8;

function* files(dir: string, depth: number): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) yield* files(path, depth + 1);
    else if (entry.isFile()) yield path;
  }
}

export function importRoms(source: string, romDir: string): ImportReport {
  if (!statSync(source, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${source} is not a folder`);
  const report: ImportReport = { imported: [], refused: [] };
  for (const file of files(source, 0)) {
    // Size first, so large unrelated files are never read.
    const sizeProblem = badRomSize(statSync(file).size);
    if (sizeProblem) {
      report.refused.push({ file, why: sizeProblem });
      continue;
    }
    const id = identifyRom(new Uint8Array(readFileSync(file)));
    if (!id.game) {
      report.refused.push({ file, why: id.why });
      continue;
    }
    mkdirSync(romDir, { recursive: true });
    const to = join(romDir, `${id.game.rom}.bin`);
    copyFileSync(file, to);
    report.imported.push({ file, game: id.game.name, to });
  }
  return report;
}
