// The supported games, keyed by the MD5 of the ROM image ALE expects.
import { Game } from './game';
import { Pong } from './games/pong';
import { Breakout } from './games/breakout';
import { SpaceInvaders } from './games/space-invaders';
import { Gravitar } from './games/gravitar';
import { Seaquest } from './games/seaquest';
import { MsPacman } from './games/ms-pacman';
import { MontezumaRevenge } from './games/montezuma-revenge';
import { Freeway } from './games/freeway';
import { Enduro } from './games/enduro';
import { Qbert } from './games/qbert';

const MD5S: StaticArray<string> = [
  '60e0ea3cbe0913d39803477945e9e5ec', // pong
  'f34f08e5eb96e500e851a80be3277a56', // breakout
  '72ffbef6504b75e69ee1045af9075f66', // space_invaders
  '8ac18076d01a6b63acf6e2cab4968940', // gravitar
  '240bfbac5163af4df5ae713985386f92', // seaquest
  '87e79cd41ce136fd4f72cc6e2c161bee', // ms_pacman
  '3347a6dd59049b15a38394aa2dafa585', // montezuma_revenge
  '8e0ab801b1705a740b476b7f588c6d16', // freeway
  '94b92a882f6dbaa6993a46e2dcc58402', // enduro
  '484b0076816a104875e00467d431c2d2', // qbert
];

function create(index: i32): Game {
  switch (index) {
    case 0: return new Pong();
    case 1: return new Breakout();
    case 2: return new SpaceInvaders();
    case 3: return new Gravitar();
    case 4: return new Seaquest();
    case 5: return new MsPacman();
    case 6: return new MontezumaRevenge();
    case 7: return new Freeway();
    case 8: return new Enduro();
    default: return new Qbert();
  }
}

/** The game whose ROM has this MD5 (32 lowercase hex ASCII bytes at `hex`), or null. */
export function gameForMd5(hex: usize): Game | null {
  for (let i = 0; i < MD5S.length; i++) {
    const md5 = MD5S[i];
    let same = true;
    for (let c = 0; c < 32 && same; c++) same = <u32>load<u8>(hex + <usize>c) == <u32>md5.charCodeAt(c);
    if (same) return create(i);
  }
  return null;
}
