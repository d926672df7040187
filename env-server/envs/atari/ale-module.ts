// The compiled ale.wasm, shared by every emulator instance of this thread. Compiled synchronously because envs are
// made inside synchronous request handlers (Node allows synchronous compilation of any size).

import { readFileSync } from 'node:fs';
import { ALE_WASM_PATH } from '../../ale/node-loader.js';

let module: WebAssembly.Module | undefined;

export function aleModule(): WebAssembly.Module {
  if (!module) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(readFileSync(ALE_WASM_PATH));
    } catch (e) {
      throw new Error(`cannot read the emulator ${ALE_WASM_PATH} (${(e as NodeJS.ErrnoException).code}); build it with "npm run build:wasm"`);
    }
    module = new WebAssembly.Module(bytes);
  }
  return module;
}
