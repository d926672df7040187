// Tennis: points of the current game at 0xC5/0xC6 and games of the set at 0xC7/0xC8 (player, computer). A change
// in the game difference is the reward, else a change in the point difference. The set ends at 6 games with a lead
// of 2, or at 7. ALE reports no lives.
import { Game, ram } from '../game';

export class Tennis extends Game {
  lastGameLead: i32 = 0;
  lastPointLead: i32 = 0;

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
    this.lastGameLead = 0;
    this.lastPointLead = 0;
  }

  step(): void {
    const myPoints = ram(0xc5);
    const theirPoints = ram(0xc6);
    const myGames = ram(0xc7);
    const theirGames = ram(0xc8);
    const pointLead = myPoints - theirPoints;
    const gameLead = myGames - theirGames;
    if (gameLead != this.lastGameLead) this.reward = gameLead - this.lastGameLead;
    else if (pointLead != this.lastPointLead) this.reward = pointLead - this.lastPointLead;
    else this.reward = 0;
    this.lastGameLead = gameLead;
    this.lastPointLead = pointLead;
    this.terminal = (myGames >= 6 && gameLead >= 2) || (theirGames >= 6 && -gameLead >= 2)
      || myGames == 7 || theirGames == 7;
  }

  lives(): i32 {
    return 0;
  }

  // Both leads lie in -255..255: nine bits each.
  extraState(): i32 {
    return ((this.lastGameLead & 0x1ff) << 9) | (this.lastPointLead & 0x1ff);
  }

  setExtraState(value: i32): void {
    this.lastGameLead = (value << 14) >> 23;
    this.lastPointLead = (value << 23) >> 23;
  }
}
