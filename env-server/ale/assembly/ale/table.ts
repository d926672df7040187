// The supported games. Each game's own file is the one place that describes it (ROM id, MD5, rules, properties);
// this list only makes them reachable, in ale-py's ROM id order.
import { Game } from './game';
import { Breakout } from './games/breakout';
import { Enduro } from './games/enduro';
import { Et } from './games/et';
import { Freeway } from './games/freeway';
import { Galaxian } from './games/galaxian';
import { Gravitar } from './games/gravitar';
import { Hangman } from './games/hangman';
import { HumanCannonball } from './games/human-cannonball';
import { JourneyEscape } from './games/journey-escape';
import { KeystoneKapers } from './games/keystone-kapers';
import { Koolaid } from './games/koolaid';
import { LaserGates } from './games/laser-gates';
import { MiniatureGolf } from './games/miniature-golf';
import { MontezumaRevenge } from './games/montezuma-revenge';
import { MsPacman } from './games/ms-pacman';
import { Pacman } from './games/pacman';
import { Pong } from './games/pong';
import { Qbert } from './games/qbert';
import { Seaquest } from './games/seaquest';
import { SpaceInvaders } from './games/space-invaders';

const FACTORIES: StaticArray<() => Game> = [
  (): Game => new Breakout(),
  (): Game => new Enduro(),
  (): Game => new Et(),
  (): Game => new Freeway(),
  (): Game => new Galaxian(),
  (): Game => new Gravitar(),
  (): Game => new Hangman(),
  (): Game => new HumanCannonball(),
  (): Game => new JourneyEscape(),
  (): Game => new KeystoneKapers(),
  (): Game => new Koolaid(),
  (): Game => new LaserGates(),
  (): Game => new MiniatureGolf(),
  (): Game => new MontezumaRevenge(),
  (): Game => new MsPacman(),
  (): Game => new Pacman(),
  (): Game => new Pong(),
  (): Game => new Qbert(),
  (): Game => new Seaquest(),
  (): Game => new SpaceInvaders(),
];

// One instance of each, made once, to look games up by MD5 and describe them; loading a ROM makes a fresh one.
let catalogue: StaticArray<Game> | null = null;

export function games(): StaticArray<Game> {
  if (catalogue == null) {
    const all = new StaticArray<Game>(FACTORIES.length);
    for (let i = 0; i < FACTORIES.length; i++) all[i] = FACTORIES[i]();
    catalogue = all;
  }
  return changetype<StaticArray<Game>>(catalogue);
}

/** Index in games() of the game whose ROM has this MD5 (32 lowercase hex ASCII bytes at `hex`), or -1. */
export function gameIndexForMd5(hex: usize): i32 {
  const all = games();
  for (let i = 0; i < all.length; i++) {
    const md5 = all[i].md5;
    let same = true;
    for (let c = 0; c < 32 && same; c++) same = <u32>load<u8>(hex + <usize>c) == <u32>md5.charCodeAt(c);
    if (same) return i;
  }
  return -1;
}

/** A fresh instance of the game at `index` in games(). */
export function createGame(index: i32): Game {
  return FACTORIES[index]();
}
