// The compiled ale.wasm, shared by every emulator instance of this thread.

import { ALE_WASM_PATH } from '../../ale/node-loader.js';
import { compileBuiltWasm } from './built-wasm.js';

let module: WebAssembly.Module | undefined;

export function aleModule(): WebAssembly.Module {
  module ??= compileBuiltWasm(ALE_WASM_PATH, 'the emulator');
  return module;
}
