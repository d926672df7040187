// Routes cartridge accesses to the loaded cart's scheme.
import { Scheme, scheme, romByte } from './cartridge';
import { atariRead, atariWrite, atariReset } from './atari';
import { e0Read, e0Write, e0Reset } from './parker';
import { tigervisionReset } from './tigervision';
import { feRead } from './activision';
import { faRead, faWrite, faReset } from './cbs';
import { e7Read, e7Write, e7Reset } from './mnetwork';
import { uaReset } from './ua';

export function cartReset(): void {
  switch (scheme) {
    case Scheme.E0: e0Reset(); break;
    case Scheme.K3F: tigervisionReset(); break;
    case Scheme.FE: break;
    case Scheme.FASC: faReset(); break;
    case Scheme.E7: e7Reset(); break;
    case Scheme.UA: uaReset(); break;
    default: atariReset(scheme); break;
  }
}

/** A read of the cart window outside its plain-ROM part. */
export function cartRead(addr: u32): u32 {
  switch (scheme) {
    case Scheme.E0: return e0Read(addr);
    case Scheme.FE: return feRead(addr);
    case Scheme.FASC: return faRead(addr);
    case Scheme.E7: return e7Read(addr);
    case Scheme.K2: case Scheme.K4: case Scheme.K3F: case Scheme.UA: return romByte(addr);
    default: return atariRead(scheme, addr);
  }
}

export function cartWrite(addr: u32, value: u32): void {
  switch (scheme) {
    case Scheme.E0: e0Write(addr); return;
    case Scheme.FASC: faWrite(addr, value); return;
    case Scheme.E7: e7Write(addr, value); return;
    case Scheme.K2: case Scheme.K4: case Scheme.K3F: case Scheme.UA: case Scheme.FE: return;
    default: atariWrite(scheme, addr, value); return;
  }
}
