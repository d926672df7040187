// Whether a file can be a 2600 cartridge image at all, by its size: checked before anything is read or hashed.

const MIN_SIZE = 2048;
const MAX_SIZE = 512 * 1024;

// Sizes ALE's emulator takes that are not whole KiB: Pitfall II's DPC image with stray bytes after its
// display data, and Supercharger tapes (8,448 bytes a load).
const odd = (size: number): boolean => size === 10495 || size === 10496 || size % 8448 === 0;

/** Why a file of this size cannot be a 2600 cartridge image, or null when it can. */
export function badRomSize(size: number): string | null {
  if (size < MIN_SIZE || size > MAX_SIZE || (size % 1024 !== 0 && !odd(size))) {
    return `${size} bytes is not a 2600 cartridge size (2 KiB to 512 KiB in whole KiB, or 10,495/10,496 for DPC, or 8,448 a Supercharger load)`;
  }
  return null;
}
