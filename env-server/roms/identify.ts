// Recognises a ROM image by size and MD5. Only the exact dumps ALE supports are accepted: anything else would
// run a different program than the game's reward and terminal logic was written for.

import { md5Hex } from '../ale/md5.js';
import { type AtariGame, gameByMd5 } from '../envs/atari/games.js';

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

export type Identified = { game: AtariGame; md5: string } | { game: null; md5: string | null; why: string };

export function identifyRom(image: Uint8Array): Identified {
  const bad = badRomSize(image.length);
  if (bad) return { game: null, md5: null, why: bad };
  const md5 = md5Hex(image);
  const game = gameByMd5(md5);
  if (!game) return { game: null, md5, why: `MD5 ${md5} is not a dump of any supported game` };
  return { game, md5 };
}
