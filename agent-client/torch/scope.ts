// Deterministic release of native tensors. Every tensor created while a tidy() callback runs belongs to that
// scope and is disposed when it returns, unless it is part of the returned value (then it moves to the enclosing
// scope) or was kept. Tensors no scope owns are handed to the garbage collector as a safety net (escape()).

export interface Disposable {
  dispose(): void;
  /** Tensors that must outlive every scope (parameters, optimiser state, replay data) set this. */
  kept: boolean;
  /** Called once no scope owns the object any more. */
  escape(): void;
}

const scopes: Disposable[][] = [];

/** Puts t in the innermost scope; false when no scope is open. */
export function track(t: Disposable): boolean {
  if (!scopes.length) return false;
  scopes[scopes.length - 1].push(t);
  return true;
}

/** Excludes a tensor from scope disposal; the caller then owns it (dispose() it, or let GC collect it). */
export function keep<T extends Disposable>(t: T): T {
  t.kept = true;
  t.escape();
  return t;
}

export function tidy<T>(fn: () => T): T {
  scopes.push([]);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    for (const t of scopes.pop()!) if (!t.kept) t.dispose();
    throw e;
  }
  const owned = scopes.pop()!;
  if (result instanceof Promise) {
    for (const t of owned) if (!t.kept) t.dispose();
    throw new TypeError('tidy() cannot wrap an async function: tensors would be disposed before it finishes');
  }
  const returned = new Set<unknown>();
  collect(result, returned, 0);
  const parent = scopes.length ? scopes[scopes.length - 1] : null;
  for (const t of owned) {
    if (t.kept) continue;
    if (!returned.has(t)) t.dispose();
    else if (parent) parent.push(t);
    else t.escape();
  }
  return result;
}

// Finds the tensors a scope returns inside arrays and plain objects (how results are usually bundled).
function collect(value: unknown, into: Set<unknown>, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > 8) return;
  if ('dispose' in value && 'kept' in value && 'escape' in value) {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collect(v, into, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype || value instanceof Map) {
    for (const v of value instanceof Map ? value.values() : Object.values(value)) collect(v, into, depth + 1);
  }
}
