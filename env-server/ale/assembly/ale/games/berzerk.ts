// Berzerk: lives = 0xDA + 1, 0xFF ends the game. Its mode selection first plays 20 NOOP acts (sticky actions and
// all), as ALE's does.
import { Game, Console, ram, bcd3 } from '../game';

export class Berzerk extends Game {
  constructor() {
    super();
    this.rom = 'berzerk';
    this.md5 = '136f75c4dd02c29283752b7e5799f978';
    this.modes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0x10, 0x11, 0x12];
    this.modeAddress = 0x80;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xdf, 0xde, 0xdd);
    this.scoreIs(score);
    const livesByte = ram(0xda);
    this.terminal = livesByte == 0xff;
    this.livesLeft = livesByte + 1;
  }

  selectMode(mode: i32, console: Console): void {
    for (let i = 0; i < 20; i++) console.act(0);
    super.selectMode(mode, console);
  }
}
