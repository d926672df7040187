// CommaVid (CV): 2 KiB of ROM at $800-$FFF of the window and 1 KiB of RAM,
// read at $000-$3FF and written at $400-$7FF; reads of the write port show
// ROM bytes $400-$7FF, as in ALE's emulator. A 4 KiB image holds the RAM's
// power-on contents in its first 1 KiB and the ROM in its second half; with
// a 2 KiB image the RAM powers up random.
import { segment, imageSize, image, remap, cartRam, randomizeCartRam } from './cartridge';

export function cvReset(): void {
  const rom: u32 = imageSize == 4096 ? 2048 : 0;
  segment[0] = rom; // shadowed by the RAM's read port
  segment[1] = rom + 1024;
  segment[2] = rom;
  segment[3] = rom + 1024;
  remap();
  if (imageSize == 4096) memory.copy(cartRam, image, 1024);
  else randomizeCartRam(1024);
}

/** Reads of $000-$3FF (the rest of the window is plain ROM). */
export function cvRead(address: u32): u32 {
  return <u32>load<u8>(cartRam + <usize>(address & 0x3ff));
}

export function cvWrite(address: u32, value: u32): void {
  const offset = address & 0xfff;
  if (offset >= 0x400 && offset < 0x800) store<u8>(cartRam + <usize>(offset & 0x3ff), <u8>value);
}
