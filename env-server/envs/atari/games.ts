// The games the emulator's ALE layer supports, with the facts the server needs before any ROM is loaded: the
// Gymnasium name (ale-py's rom id in PascalCase), the canonical ROM file name, the MD5 and size of the one dump
// ALE accepts, the size of the minimal action set and the screen's height (so ListEnvs can describe ids without a
// ROM present).

export interface AtariGame {
  /** ale-py's rom id, also the ROM file's base name: `space_invaders` → `space_invaders.bin`. */
  readonly rom: string;
  /** The name in environment ids: `SpaceInvaders`. */
  readonly name: string;
  readonly md5: string;
  readonly size: number;
  readonly minimalActions: number;
  /** Rows of the screen: the game's Display.Height in ALE, or 250 for a PAL cart left at the default 210. */
  readonly screenHeight: number;
  /** The frame skip of the `Deterministic` ids (ale-py uses 3 for Space Invaders, whose lasers blink every 4th frame). */
  readonly deterministicFrameskip: number;
}

interface GameExtras {
  deterministicFrameskip?: number;
  screenHeight?: number;
}

function game(rom: string, md5: string, size: number, minimalActions: number, extras: GameExtras = {}): AtariGame {
  const { deterministicFrameskip = 4, screenHeight = 210 } = extras;
  const name = rom
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return { rom, name, md5, size, minimalActions, screenHeight, deterministicFrameskip };
}

export const ATARI_GAMES: readonly AtariGame[] = [
  game('breakout', 'f34f08e5eb96e500e851a80be3277a56', 2048, 4),
  game('enduro', '94b92a882f6dbaa6993a46e2dcc58402', 4096, 9),
  game('freeway', '8e0ab801b1705a740b476b7f588c6d16', 2048, 3),
  game('gravitar', '8ac18076d01a6b63acf6e2cab4968940', 8192, 18),
  game('montezuma_revenge', '3347a6dd59049b15a38394aa2dafa585', 8192, 18),
  game('ms_pacman', '87e79cd41ce136fd4f72cc6e2c161bee', 8192, 9),
  game('pong', '60e0ea3cbe0913d39803477945e9e5ec', 2048, 6),
  game('qbert', '484b0076816a104875e00467d431c2d2', 4096, 6),
  game('seaquest', '240bfbac5163af4df5ae713985386f92', 4096, 18),
  game('space_invaders', '72ffbef6504b75e69ee1045af9075f66', 4096, 6, { deterministicFrameskip: 3 }),
];

const BY_MD5 = new Map(ATARI_GAMES.map((g) => [g.md5, g]));

export function gameByMd5(md5: string): AtariGame | undefined {
  return BY_MD5.get(md5);
}
