// Laser Gates (PAL): a RESET press starts the game; 0x83 (energy) at 0 ends it. lives() is always 0 in ALE.
import { Game, ram, bcd3 } from '../game';
import { RESET } from '../actions';

export class LaserGates extends Game {
  constructor() {
    super();
    this.rom = 'laser_gates';
    this.md5 = '8e4cd60d93fcde8065c1a2b972a26377';
    this.detectsAsPal = true;
    this.startingActions = [RESET];
  }

  step(): void {
    const score = bcd3(0x82, 0x81, 0x80);
    this.scoreIs(score);
    this.terminal = ram(0x83) == 0;
  }
}
