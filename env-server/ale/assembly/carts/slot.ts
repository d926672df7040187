// Routes cartridge accesses to the loaded cart's scheme.
import { Scheme, scheme, romByte, segment, banks, cartRam, cartRamSize, remap } from './cartridge';
import { atariRead, atariWrite, atariReset } from './atari';
import { e0Read, e0Write, e0Reset } from './parker';
import { tigervisionReset } from './tigervision';
import { feRead } from './activision';
import { faRead, faWrite, faReset } from './cbs';
import { e7Read, e7Write, e7Reset } from './mnetwork';
import { uaReset } from './ua';
import { e3Read, e3Write, e3Reset, e3Restore } from './3e';
import { mbRead, mbWrite, mbReset } from './megaboy';
import { cvRead, cvWrite, cvReset } from './commavid';
import { dpcRead, dpcWrite, dpcReset, dpcCyclesReset, dpcSave, dpcRestore } from './dpc';
import { mcRead, mcWrite, mcReset, mcSave, mcRestore } from './megacart';

export function cartReset(): void {
  switch (scheme) {
    case Scheme.E0: e0Reset(); break;
    case Scheme.K3F: tigervisionReset(); break;
    case Scheme.FE: break;
    case Scheme.FASC: faReset(); break;
    case Scheme.E7: e7Reset(); break;
    case Scheme.UA: uaReset(); break;
    case Scheme.K3E: e3Reset(); break;
    case Scheme.MB: mbReset(); break;
    case Scheme.CV: cvReset(); break;
    case Scheme.DPC: dpcReset(); break;
    case Scheme.MC: mcReset(); break;
    default: atariReset(scheme); break;
  }
}

/** The machine's cycle count is about to restart from zero. */
export function cartCyclesReset(): void {
  if (scheme == Scheme.DPC) dpcCyclesReset();
}

/** A read of the cart window outside its plain-ROM part. */
export function cartRead(addr: u32): u32 {
  switch (scheme) {
    case Scheme.E0: return e0Read(addr);
    case Scheme.FE: return feRead(addr);
    case Scheme.FASC: return faRead(addr);
    case Scheme.E7: return e7Read(addr);
    case Scheme.K3E: return e3Read(addr);
    case Scheme.MB: return mbRead(addr);
    case Scheme.CV: return cvRead(addr);
    case Scheme.DPC: return dpcRead(addr);
    case Scheme.MC: return mcRead(addr);
    case Scheme.K2: case Scheme.K4: case Scheme.K3F: case Scheme.UA: return romByte(addr);
    default: return atariRead(scheme, addr);
  }
}

export function cartWrite(addr: u32, value: u32): void {
  switch (scheme) {
    case Scheme.E0: e0Write(addr); return;
    case Scheme.FASC: faWrite(addr, value); return;
    case Scheme.E7: e7Write(addr, value); return;
    case Scheme.K3E: e3Write(addr, value); return;
    case Scheme.MB: mbWrite(addr); return;
    case Scheme.CV: cvWrite(addr, value); return;
    case Scheme.DPC: dpcWrite(addr, value); return;
    case Scheme.MC: mcWrite(addr, value); return;
    case Scheme.K2: case Scheme.K4: case Scheme.K3F: case Scheme.UA: case Scheme.FE: return;
    default: atariWrite(scheme, addr, value); return;
  }
}

/** The window's mapping, bank registers and cart RAM (and the DPC and Megacart extras), for state.ts. */
export function saveCart(p: usize): usize {
  for (let i = 0; i < 4; i++) { store<u32>(p, segment[i]); p += 4; }
  for (let i = 0; i < 4; i++) { store<u32>(p, banks[i]); p += 4; }
  memory.copy(p, cartRam, <usize>cartRamSize); p += <usize>cartRamSize;
  if (scheme == Scheme.DPC) p = dpcSave(p);
  if (scheme == Scheme.MC) p = mcSave(p);
  return p;
}

export function loadCart(p: usize): usize {
  for (let i = 0; i < 4; i++) { segment[i] = load<u32>(p); p += 4; }
  remap();
  for (let i = 0; i < 4; i++) { banks[i] = load<u32>(p); p += 4; }
  memory.copy(cartRam, p, <usize>cartRamSize); p += <usize>cartRamSize;
  if (scheme == Scheme.K3E) e3Restore();
  if (scheme == Scheme.DPC) p = dpcRestore(p);
  if (scheme == Scheme.MC) p = mcRestore(p);
  return p;
}
