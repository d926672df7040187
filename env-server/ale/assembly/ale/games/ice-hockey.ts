// Ice Hockey: the reward is the change in (own goals - opponent's), at most 1 a frame; the game ends when the clock
// at 0x87:0x86 reaches 0:00. lives() is always 0 in ALE.
import { Game, ram, bcd } from '../game';

export class IceHockey extends Game {
  constructor() {
    super();
    this.rom = 'ice_hockey';
    this.md5 = 'a4c08c4994eb9d24fb78be1793e82e26';
    this.modes = [0, 2];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0x80;
    this.selectFrames = 2;
  }

  step(): void {
    const own = bcd(0x8a);
    const opponent = bcd(0x8b);
    const score = own - opponent;
    const reward = score - this.score;
    this.reward = reward > 1 ? 1 : reward;
    this.score = score;
    const minutes = ram(0x87);
    const seconds = ram(0x86);
    this.terminal = minutes == 0 && seconds == 0;
  }
}
