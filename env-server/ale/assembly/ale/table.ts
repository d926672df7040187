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
import { Pitfall } from './games/pitfall';
import { Pitfall2 } from './games/pitfall2';
import { Pong } from './games/pong';
import { Pooyan } from './games/pooyan';
import { PrivateEye } from './games/private-eye';
import { Qbert } from './games/qbert';
import { Riverraid } from './games/riverraid';
import { RoadRunner } from './games/road-runner';
import { Robotank } from './games/robotank';
import { Seaquest } from './games/seaquest';
import { SirLancelot } from './games/sir-lancelot';
import { Skiing } from './games/skiing';
import { Solaris } from './games/solaris';
import { SpaceInvaders } from './games/space-invaders';
import { SpaceWar } from './games/space-war';
import { StarGunner } from './games/star-gunner';
import { Superman } from './games/superman';
import { Surround } from './games/surround';
import { Tennis } from './games/tennis';
import { Tetris } from './games/tetris';
import { TicTacToe3d } from './games/tic-tac-toe-3d';
import { TimePilot } from './games/time-pilot';
import { Trondead } from './games/trondead';
import { Turmoil } from './games/turmoil';
import { Tutankham } from './games/tutankham';
import { UpNDown } from './games/up-n-down';
import { Venture } from './games/venture';
import { VideoCheckers } from './games/video-checkers';
import { VideoChess } from './games/video-chess';
import { VideoCube } from './games/video-cube';
import { VideoPinball } from './games/video-pinball';
import { WizardOfWor } from './games/wizard-of-wor';
import { WordZapper } from './games/word-zapper';
import { YarsRevenge } from './games/yars-revenge';
import { Zaxxon } from './games/zaxxon';

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
  (): Game => new Pitfall(),
  (): Game => new Pitfall2(),
  (): Game => new Pong(),
  (): Game => new Pooyan(),
  (): Game => new PrivateEye(),
  (): Game => new Qbert(),
  (): Game => new Riverraid(),
  (): Game => new RoadRunner(),
  (): Game => new Robotank(),
  (): Game => new Seaquest(),
  (): Game => new SirLancelot(),
  (): Game => new Skiing(),
  (): Game => new Solaris(),
  (): Game => new SpaceInvaders(),
  (): Game => new SpaceWar(),
  (): Game => new StarGunner(),
  (): Game => new Superman(),
  (): Game => new Surround(),
  (): Game => new Tennis(),
  (): Game => new Tetris(),
  (): Game => new TicTacToe3d(),
  (): Game => new TimePilot(),
  (): Game => new Trondead(),
  (): Game => new Turmoil(),
  (): Game => new Tutankham(),
  (): Game => new UpNDown(),
  (): Game => new Venture(),
  (): Game => new VideoCheckers(),
  (): Game => new VideoChess(),
  (): Game => new VideoCube(),
  (): Game => new VideoPinball(),
  (): Game => new WizardOfWor(),
  (): Game => new WordZapper(),
  (): Game => new YarsRevenge(),
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
