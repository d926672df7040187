// Routes cartridge accesses to the loaded cart's scheme.
import { Scheme, scheme, romByte } from './cartridge';
import { atariRead, atariWrite, atariReset } from './atari';
import { e0Read, e0Write, e0Reset } from './parker';

export function cartReset(): void {
  switch (scheme) {
    case Scheme.E0: e0Reset(); break;
    default: atariReset(scheme); break;
  }
}


export function cartRead(addr: u32): u32 {
  switch (scheme) {
    case Scheme.K2: case Scheme.K4: return romByte(addr);
    case Scheme.E0: return e0Read(addr);
    default: return atariRead(scheme, addr);
  }
}


export function cartWrite(addr: u32, value: u32): void {
  switch (scheme) {
    case Scheme.K2: case Scheme.K4: return;
    case Scheme.E0: e0Write(addr); return;
    default: atariWrite(scheme, addr, value); return;
  }
}
