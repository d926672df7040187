// Approximate comparison of numeric arrays for the engine tests.
import type { Test } from 'tap';

export function assertClose(t: Test, actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, message: string): void {
  const a = Array.from(actual);
  const e = Array.from(expected);
  if (a.length !== e.length) {
    t.fail(`${message}: length ${a.length} != ${e.length}`);
    return;
  }
  const worst = a.reduce((m, v, i) => Math.max(m, Math.abs(v - e[i]) / Math.max(1, Math.abs(e[i]))), 0);
  t.ok(worst <= tol, `${message} (worst relative error ${worst.toExponential(2)} <= ${tol})`, { actual: a.slice(0, 8), expected: e.slice(0, 8) });
}
