// Process-wide engine settings and introspection: autograd mode, threads, memory.
import { native } from './native.js';

/** Runs fn without recording autograd history (inference, target computation), restoring the mode after. */
export function noGrad<T>(fn: () => T): T {
  const previous = native.setGradEnabled(false);
  try {
    return fn();
  } finally {
    native.setGradEnabled(previous);
  }
}

export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`thread count must be an integer >= 1, got ${n}`);
  native.setNumThreads(n);
}

export function getNumThreads(): number {
  return native.getNumThreads();
}

export interface MemoryStats {
  /** Tensors alive in JS: created and neither disposed nor garbage-collected. */
  handles: number;
  /** Bytes libtorch's CPU allocator currently holds. */
  cpuBytes: number;
}

export function memoryStats(): MemoryStats {
  return native.memoryStats();
}

/** The libtorch version the addon was built against. */
export function libtorchVersion(): string {
  return native.version();
}
