// Kool-Aid Man: four BCD digits of hundreds of points; 0xD1 = 0x80 ends the game. lives() is always 0 in ALE.
import { Game, ram, bcd2, actionBits } from '../game';

export class Koolaid extends Game {
  constructor() {
    super();
    this.rom = 'koolaid';
    this.md5 = '534e23210dd1993c828d944c6ac4d9fb';
    this.minimalActions = actionBits([0, 2, 3, 4, 5, 6, 7, 8, 9]);
  }

  step(): void {
    const score = 100 * bcd2(0x81, 0x80);
    this.scoreIs(score);
    this.terminal = ram(0xd1) == 0x80;
  }
}
