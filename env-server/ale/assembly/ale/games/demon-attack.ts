// Demon Attack: lives = displayed bunkers (0xF2) + 1; the game ends with none displayed while 0xF1 = 0xBD, except
// on the first frame after a mode change. A score of 0xEA/0xCD/0xAB over 0x85/0x83/0x81 is the title and counts 0.
import { Game, ram, bcd3, actionBits } from '../game';

export class DemonAttack extends Game {
  levelChange: bool = false;

  constructor() {
    super();
    this.rom = 'demon_attack';
    this.md5 = 'f0e0addc07971561ab80d9abe1b8d333';
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.modes = [1, 3, 5, 7];
    this.difficulties = [0, 1];
    this.modeAddress = 0xea;
  }

  initialLives(): i32 {
    return 4;
  }

  reset(): void {
    super.reset();
    this.levelChange = false;
  }

  modeSelected(mode: i32): void {
    this.levelChange = true;
  }

  step(): void {
    let score = bcd3(0x85, 0x83, 0x81);
    if (ram(0x81) == 0xab && ram(0x83) == 0xcd && ram(0x85) == 0xea) score = 0;
    this.scoreIs(score);
    const displayed = ram(0xf2);
    const flag = ram(0xf1);
    this.terminal = displayed == 0 && flag == 0xbd && !this.levelChange;
    this.livesLeft = displayed + 1;
    this.levelChange = false;
  }

  extraState(): i32 {
    return this.levelChange ? 1 : 0;
  }

  setExtraState(value: i32): void {
    this.levelChange = value != 0;
  }
}
