// Entry of ale.wasm; the machine's exports land here.
export {};
