// Battlezone: the score is three digits of thousands over 0x9D-0x9E, a nibble of 0xA meaning a blank 0; lives in
// the low nibble of 0xBA.
import { Game, ram } from '../game';

function digit(nibble: i32): i32 {
  return nibble == 10 ? 0 : nibble;
}

export class BattleZone extends Game {
  constructor() {
    super();
    this.rom = 'battle_zone';
    this.md5 = '41f252a66c6301f1e8ab3612c19bc5d4';
    this.hmoveBlanks = false;
    this.modes = [1, 2, 3];
    this.modeAddress = 0xa1;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 5;
  }

  step(): void {
    const first = ram(0x9d);
    const second = ram(0x9e);
    // The low nibble of 0x9D is not part of the score.
    let score = digit(first >> 4);
    score += 10 * digit(second & 15);
    score += 100 * digit(second >> 4);
    score *= 1000;
    this.scoreIs(score);
    this.livesLeft = ram(0xba) & 0xf;
    this.terminal = this.livesLeft == 0;
  }
}
