// The supported games. Each game's own file is the one place that describes it (ROM id, MD5, rules, properties);
// this list only makes them reachable, in ale-py's ROM id order.
import { Game } from './game';
import { Breakout } from './games/breakout';
import { Enduro } from './games/enduro';
import { Et } from './games/et';
import { FishingDerby } from './games/fishing-derby';
import { FlagCapture } from './games/flag-capture';
import { Freeway } from './games/freeway';
import { Frogger } from './games/frogger';
import { Frostbite } from './games/frostbite';
import { Galaxian } from './games/galaxian';
import { Gopher } from './games/gopher';
import { Gravitar } from './games/gravitar';
import { Hangman } from './games/hangman';
import { HauntedHouse } from './games/haunted-house';
import { Hero } from './games/hero';
import { HumanCannonball } from './games/human-cannonball';
import { IceHockey } from './games/ice-hockey';
import { JamesBond } from './games/jamesbond';
import { JourneyEscape } from './games/journey-escape';
import { Kaboom } from './games/kaboom';
import { Kangaroo } from './games/kangaroo';
import { KeystoneKapers } from './games/keystone-kapers';
import { KingKong } from './games/king-kong';
import { Klax } from './games/klax';
import { Koolaid } from './games/koolaid';
import { Krull } from './games/krull';
import { KungFuMaster } from './games/kung-fu-master';
import { LaserGates } from './games/laser-gates';
import { LostLuggage } from './games/lost-luggage';
import { MarioBros } from './games/mario-bros';
import { MiniatureGolf } from './games/miniature-golf';
import { MontezumaRevenge } from './games/montezuma-revenge';
import { MrDo } from './games/mr-do';
import { MsPacman } from './games/ms-pacman';
import { NameThisGame } from './games/name-this-game';
import { Othello } from './games/othello';
import { Pacman } from './games/pacman';
import { Phoenix } from './games/phoenix';
import { Pong } from './games/pong';
import { Qbert } from './games/qbert';
import { Seaquest } from './games/seaquest';
import { SpaceInvaders } from './games/space-invaders';

const FACTORIES: StaticArray<() => Game> = [
  (): Game => new Breakout(),
  (): Game => new Enduro(),
  (): Game => new Et(),
  (): Game => new FishingDerby(),
  (): Game => new FlagCapture(),
  (): Game => new Freeway(),
  (): Game => new Frogger(),
  (): Game => new Frostbite(),
  (): Game => new Galaxian(),
  (): Game => new Gopher(),
  (): Game => new Gravitar(),
  (): Game => new Hangman(),
  (): Game => new HauntedHouse(),
  (): Game => new Hero(),
  (): Game => new HumanCannonball(),
  (): Game => new IceHockey(),
  (): Game => new JamesBond(),
  (): Game => new JourneyEscape(),
  (): Game => new Kaboom(),
  (): Game => new Kangaroo(),
  (): Game => new KeystoneKapers(),
  (): Game => new KingKong(),
  (): Game => new Klax(),
  (): Game => new Koolaid(),
  (): Game => new Krull(),
  (): Game => new KungFuMaster(),
  (): Game => new LaserGates(),
  (): Game => new LostLuggage(),
  (): Game => new MarioBros(),
  (): Game => new MiniatureGolf(),
  (): Game => new MontezumaRevenge(),
  (): Game => new MrDo(),
  (): Game => new MsPacman(),
  (): Game => new NameThisGame(),
  (): Game => new Othello(),
  (): Game => new Pacman(),
  (): Game => new Phoenix(),
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
