// Tigervision's 3F: 2 KiB banks. Writing a bank number to $00-$3F selects
// the bank shown at $000-$7FF of the window (the write also reaches the TIA);
// $800-$FFF always shows the last 2 KiB. As in ALE's emulator, reads of
// $00-$3F return the selected bank's bytes instead of TIA registers.
import { segment, banks, imageSize, remap } from './cartridge';

/** Shows ROM bank `bank` (wrapped to the image) at $000-$7FF; 3E uses it too. */
export function tigervisionSelect(bank: u32): void {
  const count = imageSize >> 11;
  const b = bank < count ? bank : bank % count;
  banks[0] = b;
  segment[0] = b << 11;
  segment[1] = (b << 11) + 1024;
  remap();
}

export function tigervisionReset(): void {
  segment[2] = imageSize - 2048;
  segment[3] = imageSize - 1024;
  tigervisionSelect(0);
}

/** Accesses to $0000-$003F (and mirrors with A12 clear) belong to the cart (3F, 3E and the Megacart). */
@inline
export function tigervisionOwns(address: u32): bool {
  return (address & 0x1fc0) == 0;
}
