// The supported games. Each game's own file is the one place that describes it (ROM id, MD5, rules, properties);
// this list only makes them reachable, in ale-py's ROM id order.
import { Game } from './game';
import { Adventure } from './games/adventure';
import { AirRaid } from './games/air-raid';
import { Alien } from './games/alien';
import { Amidar } from './games/amidar';
import { Assault } from './games/assault';
import { Asterix } from './games/asterix';
import { Asteroids } from './games/asteroids';
import { Atlantis } from './games/atlantis';
import { Atlantis2 } from './games/atlantis2';
import { Backgammon } from './games/backgammon';
import { BankHeist } from './games/bank-heist';
import { BasicMath } from './games/basic-math';
import { BattleZone } from './games/battle-zone';
import { BeamRider } from './games/beam-rider';
import { Berzerk } from './games/berzerk';
import { Blackjack } from './games/blackjack';
import { Bowling } from './games/bowling';
import { Boxing } from './games/boxing';
import { Breakout } from './games/breakout';
import { Carnival } from './games/carnival';
import { Casino } from './games/casino';
import { Centipede } from './games/centipede';
import { ChopperCommand } from './games/chopper-command';
import { CrazyClimber } from './games/crazy-climber';
import { Crossbow } from './games/crossbow';
import { DarkChambers } from './games/darkchambers';
import { Defender } from './games/defender';
import { DemonAttack } from './games/demon-attack';
import { DonkeyKong } from './games/donkey-kong';
import { DoubleDunk } from './games/double-dunk';
import { Earthworld } from './games/earthworld';
import { ElevatorAction } from './games/elevator-action';
import { Enduro } from './games/enduro';
import { Entombed } from './games/entombed';
import { Freeway } from './games/freeway';
import { Gravitar } from './games/gravitar';
import { MontezumaRevenge } from './games/montezuma-revenge';
import { MsPacman } from './games/ms-pacman';
import { Pong } from './games/pong';
import { Qbert } from './games/qbert';
import { Seaquest } from './games/seaquest';
import { SpaceInvaders } from './games/space-invaders';

const FACTORIES: StaticArray<() => Game> = [
  (): Game => new Adventure(),
  (): Game => new AirRaid(),
  (): Game => new Alien(),
  (): Game => new Amidar(),
  (): Game => new Assault(),
  (): Game => new Asterix(),
  (): Game => new Asteroids(),
  (): Game => new Atlantis(),
  (): Game => new Atlantis2(),
  (): Game => new Backgammon(),
  (): Game => new BankHeist(),
  (): Game => new BasicMath(),
  (): Game => new BattleZone(),
  (): Game => new BeamRider(),
  (): Game => new Berzerk(),
  (): Game => new Blackjack(),
  (): Game => new Bowling(),
  (): Game => new Boxing(),
  (): Game => new Breakout(),
  (): Game => new Carnival(),
  (): Game => new Casino(),
  (): Game => new Centipede(),
  (): Game => new ChopperCommand(),
  (): Game => new CrazyClimber(),
  (): Game => new Crossbow(),
  (): Game => new DarkChambers(),
  (): Game => new Defender(),
  (): Game => new DemonAttack(),
  (): Game => new DonkeyKong(),
  (): Game => new DoubleDunk(),
  (): Game => new Earthworld(),
  (): Game => new ElevatorAction(),
  (): Game => new Enduro(),
  (): Game => new Entombed(),
  (): Game => new Freeway(),
  (): Game => new Gravitar(),
  (): Game => new MontezumaRevenge(),
  (): Game => new MsPacman(),
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
