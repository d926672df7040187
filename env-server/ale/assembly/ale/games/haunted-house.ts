// Haunted House: every match lit costs a point (0x82 counts them, BCD), escaping with the urn (0x99 = 0x44) earns
// 100 and ends the game; so does losing the last life (0x96).
import { Game, ram, bcd } from '../game';

export class HauntedHouse extends Game {
  matches: i32 = 0;

  constructor() {
    super();
    this.rom = 'haunted_house';
    this.md5 = 'f0a6e99f5875891246c3dbecbf2d2cea';
    this.modes = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    this.difficulties = [0, 1];
    this.modeAddress = 0xcc;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 9;
  }

  reset(): void {
    super.reset();
    this.matches = 0;
  }

  step(): void {
    let reward = 0;
    const matches = bcd(0x82);
    if (matches != this.matches) {
      reward--;
      this.matches = matches;
    }
    this.livesLeft = ram(0x96);
    const escaped = ram(0x99) == 0x44;
    if (escaped) reward += 100;
    this.reward = reward;
    this.terminal = this.livesLeft == 0 || escaped;
  }

  extraState(): i32 {
    return this.matches;
  }

  setExtraState(value: i32): void {
    this.matches = value;
  }
}
