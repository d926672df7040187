// The Python client's toolchain for tests and benchmarks: Debian's interpreter (where python3-grpcio,
// python3-protobuf and python3-numpy install; not a pyenv one first on PATH), and the package installed into a
// throwaway virtual environment the way a user installs it, offline.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Compiled to dist/test/python/, three levels below the repo root.
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const PACKAGE = join(REPO, 'agent-client', 'python');
export const PYTHON = process.env.STADIUM_PYTHON ?? '/usr/bin/python3';

const run = promisify(execFile);

/** Why the Python client cannot be built and tested here, or false when it can. */
export function pythonSkip(modules = ['grpc', 'google.protobuf', 'numpy']): string | false {
  const imports = spawnSync(PYTHON, ['-c', `import venv, ${modules.join(', ')}`], { encoding: 'utf8' });
  if (imports.error || imports.status !== 0) {
    return `${PYTHON} cannot import ${modules.join(', ')} and venv (Debian: python3-grpcio python3-protobuf python3-numpy python3-venv; scripts/setup.sh installs them): ${(imports.stderr || String(imports.error)).trim().split('\n').pop()}`;
  }
  if (spawnSync('protoc', ['--version']).status !== 0) return 'protoc is not installed (Debian: protobuf-compiler; scripts/setup.sh installs it)';
  return false;
}

/** A virtual environment that sees the system's packages, with ./agent-client/python installed by pip, offline. */
export async function installedClient(): Promise<{ python: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-python-'));
  const venv = join(dir, 'venv');
  await run(PYTHON, ['-m', 'venv', '--system-site-packages', venv]);
  await run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--no-build-isolation', '--no-index', '--disable-pip-version-check', PACKAGE]);
  return { python: join(venv, 'bin', 'python'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
