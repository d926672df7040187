// Recognises a ROM image by size and MD5. Only the exact dumps ALE supports are accepted: anything else would
// run a different program than the game's reward and terminal logic was written for.

import { md5Hex } from '../ale/md5.js';
import { badRomSize } from '../ale/rom-image.js';
import { withoutSettingsReason } from '../ale/catalogue.js';
import { type AtariGame, gameByMd5, gameCatalogue } from '../envs/atari/games.js';

export type Identified = { game: AtariGame; md5: string } | { game: null; md5: string | null; why: string };

export function identifyRom(image: Uint8Array): Identified {
  const bad = badRomSize(image.length);
  if (bad) return { game: null, md5: null, why: bad };
  const md5 = md5Hex(image);
  const game = gameByMd5(md5);
  if (game) return { game, md5 };
  const known = gameCatalogue().withoutSettings(md5);
  return { game: null, md5, why: known ? withoutSettingsReason(known) : `MD5 ${md5} is not a dump of any supported game` };
}
