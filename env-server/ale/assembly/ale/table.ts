// The supported games. Each game's own file is the one place that describes it (ROM id, MD5, rules, properties);
// this list only makes them reachable, in ale-py's ROM id order.
import { Game } from './game';
import { Breakout } from './games/breakout';
import { Enduro } from './games/enduro';
import { Freeway } from './games/freeway';
import { Gravitar } from './games/gravitar';
import { MontezumaRevenge } from './games/montezuma-revenge';
import { MsPacman } from './games/ms-pacman';
import { Pitfall2 } from './games/pitfall2';
import { Pong } from './games/pong';
import { PrivateEye } from './games/private-eye';
import { Qbert } from './games/qbert';
import { RoadRunner } from './games/road-runner';
import { Seaquest } from './games/seaquest';
import { SirLancelot } from './games/sir-lancelot';
import { SpaceInvaders } from './games/space-invaders';
import { Superman } from './games/superman';
import { Tetris } from './games/tetris';
import { Trondead } from './games/trondead';
import { UpNDown } from './games/up-n-down';
import { VideoChess } from './games/video-chess';
import { WizardOfWor } from './games/wizard-of-wor';
import { Zaxxon } from './games/zaxxon';

const FACTORIES: StaticArray<() => Game> = [
  (): Game => new Breakout(),
  (): Game => new Enduro(),
  (): Game => new Freeway(),
  (): Game => new Gravitar(),
  (): Game => new MontezumaRevenge(),
  (): Game => new MsPacman(),
  (): Game => new Pitfall2(),
  (): Game => new Pong(),
  (): Game => new PrivateEye(),
  (): Game => new Qbert(),
  (): Game => new RoadRunner(),
  (): Game => new Seaquest(),
  (): Game => new SirLancelot(),
  (): Game => new SpaceInvaders(),
  (): Game => new Superman(),
  (): Game => new Tetris(),
  (): Game => new Trondead(),
  (): Game => new UpNDown(),
  (): Game => new VideoChess(),
  (): Game => new WizardOfWor(),
  (): Game => new Zaxxon(),
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
