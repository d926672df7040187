// Node-side construction of ALEInterface from the built ale.wasm.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ALEInterface, type ALEOptions } from './ale-interface.js';

// dist/env-server/ale/ -> <repo>/build/ale/ale.wasm
export const ALE_WASM_PATH = fileURLToPath(new URL('../../../build/ale/ale.wasm', import.meta.url));

let compiled: Promise<WebAssembly.Module> | undefined;

async function aleModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(ALE_WASM_PATH).then(
    (bytes) => WebAssembly.compile(bytes),
    (err: NodeJS.ErrnoException) => {
      compiled = undefined;
      throw new Error(`cannot read ${ALE_WASM_PATH} (${err.code}); build it with "npm run build:wasm"`);
    },
  );
  return compiled;
}

/** A fresh emulator instance (the compiled module is shared). */
export async function createALE(options: ALEOptions = {}): Promise<ALEInterface> {
  return ALEInterface.fromModule(await aleModule(), options);
}

/** A fresh emulator with the ROM file at `romPath` loaded. */
export async function createALEWithRom(romPath: string, options: ALEOptions = {}): Promise<ALEInterface> {
  const ale = await createALE(options);
  ale.loadROM(new Uint8Array(await readFile(romPath)));
  return ale;
}
