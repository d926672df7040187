// Fishing Derby: the reward is the change in (own catch - opponent's), both BCD; 99 pounds ends the game.
// lives() is always 0 in ALE.
import { Game, ram, bcd } from '../game';

export class FishingDerby extends Game {
  constructor() {
    super();
    this.rom = 'fishing_derby';
    this.md5 = 'b8865f05676e64f3bec72b9defdacfa7';
    this.difficulties = [0, 1, 2, 3];
  }

  step(): void {
    const own = bcd(0xbd);
    const opponent = bcd(0xbe);
    const score = own - opponent;
    this.scoreIs(score);
    const ownByte = ram(0xbd);
    const opponentByte = ram(0xbe);
    this.terminal = ownByte == 0x99 || opponentByte == 0x99;
  }
}
