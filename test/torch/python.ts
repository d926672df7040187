// Finds a Python interpreter that has PyTorch (Debian's python3-torch may not be the python3 first on PATH).
import { execFileSync } from 'node:child_process';

export function findPythonWithTorch(): string | null {
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // this interpreter lacks torch: try the next
    }
  }
  return null;
}
