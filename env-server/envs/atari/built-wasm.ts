// A WebAssembly module that `npm run build:wasm` built (the emulator, the preprocessing kernel), compiled
// synchronously because envs are made inside synchronous request handlers (Node allows synchronous compilation of
// any size). A missing file says which one and how to build it.

import { readFileSync } from 'node:fs';

export function compileBuiltWasm(path: string, what: string): WebAssembly.Module {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new Error(`cannot read ${what} ${path} (${(e as NodeJS.ErrnoException).code}); build it with "npm run build:wasm"`);
  }
  return new WebAssembly.Module(bytes);
}
