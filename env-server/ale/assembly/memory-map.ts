// Placeholder until the 2600 memory map lands: an empty bus.
export function mapRead(addr: u32): u32 {
  return 0;
}

export function mapWrite(addr: u32, value: u32): void {}
