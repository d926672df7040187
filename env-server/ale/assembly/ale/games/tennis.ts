// Tennis: games won at 0xC5/0xC6 and points of the game at 0xC7/0xC8 (player, computer). A change in the point
// difference is the reward, else a change in the game difference. The set ends at 6 games with a lead of 2, or at 7.
// ALE reports no lives.
import { Game, ram } from '../game';

export class Tennis extends Game {
  lastPointLead: i32 = 0;
  lastGameLead: i32 = 0;

  constructor() {
    super();
    this.rom = 'tennis';
    this.md5 = '42cdd6a9e42a3639e190722b8ea3fc51';
    this.modes = [0, 2];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0x80;
    this.selectFrames = 2;
  }

  reset(): void {
    super.reset();
    this.lastPointLead = 0;
    this.lastGameLead = 0;
  }

  step(): void {
    const myGames = ram(0xc5);
    const theirGames = ram(0xc6);
    const myPoints = ram(0xc7);
    const theirPoints = ram(0xc8);
    const gameLead = myGames - theirGames;
    const pointLead = myPoints - theirPoints;
    if (pointLead != this.lastPointLead) this.reward = pointLead - this.lastPointLead;
    else if (gameLead != this.lastGameLead) this.reward = gameLead - this.lastGameLead;
    else this.reward = 0;
    this.lastPointLead = pointLead;
    this.lastGameLead = gameLead;
    this.terminal = (myPoints >= 6 && pointLead >= 2) || (theirPoints >= 6 && -pointLead >= 2)
      || myPoints == 7 || theirPoints == 7;
  }

  lives(): i32 {
    return 0;
  }

  // Both leads lie in -255..255: nine bits each.
  extraState(): i32 {
    return ((this.lastPointLead & 0x1ff) << 9) | (this.lastGameLead & 0x1ff);
  }

  setExtraState(value: i32): void {
    this.lastPointLead = (value << 14) >> 23;
    this.lastGameLead = (value << 23) >> 23;
  }
}
