// Assembling our test ROMs (test/ale/roms/*.asm) with dasm at test time; tests that need it skip when dasm is absent.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './flat-cpu.js';

const sourceDir = path.join(repoRoot, 'test', 'ale', 'roms');

function hasDasm(): boolean {
  try {
    execFileSync('dasm', [], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // dasm without arguments prints its usage and exits non-zero; only a
    // missing executable means we cannot assemble.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

export const dasmSkip: string | false = hasDasm() ? false : 'dasm is not on PATH (Debian: apt-get install dasm)';

let buildDir: string | undefined;

/** The image of test/ale/roms/`name`.asm, with `defines` as dasm's -D symbols. */
export function assemble(name: string, defines: Record<string, number> = {}): Uint8Array {
  if (!buildDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'stadium-roms-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    buildDir = dir;
  }
  const symbols = Object.entries(defines).map(([symbol, value]) => `-D${symbol}=${value}`);
  const out = path.join(buildDir, `${[name, ...symbols].join('')}.bin`);
  try {
    execFileSync('dasm', [path.join(sourceDir, `${name}.asm`), `-I${sourceDir}`, '-f3', `-o${out}`, ...symbols], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`dasm could not assemble ${name}.asm:\n${(err as { stdout?: string }).stdout ?? String(err)}`);
  }
  return new Uint8Array(readFileSync(out));
}
