// Human Cannonball: 0xB6 counts hits and 0xB7 misses (BCD); seven of either ends the game. Before play the same
// bytes show the game number and the number of players, which is how ALE selects a mode.
import { Game, ram, bcd } from '../game';

export class HumanCannonball extends Game {
  constructor() {
    super();
    this.rom = 'human_cannonball';
    this.md5 = '7972e5101fa548b952d852db24ad6060';
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7];
    this.difficulties = [0, 1];
    this.modeAddress = 0xb6;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = bcd(0xb6);
    this.scoreIs(score);
    const misses = bcd(0xb7);
    this.terminal = score == 7 || misses == 7;
  }

  // Game number (from 1) and one player.
  modeMatches(mode: i32): bool {
    const game = (ram(0xb6) - 1) & 0xff;
    const players = ram(0xb7);
    return game == mode && players == 1;
  }
}
