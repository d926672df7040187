// James Bond 007: the low nibble of 0x86 counts reserve lives; with none left, screen byte 0x8C = 0x68 is the game
// over. Before play 0x8C shows the mission (0x48 added on some frames).
import { Game, ram, bcd3 } from '../game';

export class JamesBond extends Game {
  constructor() {
    super();
    this.rom = 'jamesbond';
    this.md5 = 'e51030251e440cffaab1ac63438b44ae';
    this.modes = [0, 1];
    this.modeAddress = 0x8c;
    this.selectFrames = 20;
  }

  initialLives(): i32 {
    return 6;
  }

  step(): void {
    const score = bcd3(0xdc, 0xdd, 0xde);
    this.scoreIs(score);
    const reserve = ram(0x86) & 0xf;
    const screen = ram(0x8c);
    this.terminal = reserve == 0 && screen == 0x68;
    this.livesLeft = reserve + 1;
  }

  modeMatches(mode: i32): bool {
    const value = ram(this.modeAddress);
    return value == mode || value == mode + 0x48;
  }
}
