// Star Gunner: four score digits in the low nibbles of 0x83..0x86 (0xA draws as 0), in hundreds; 0x87 counts lives
// and the game ends at 0. Until it has first read 5, ALE reports 5 lives.
import { Game, ram } from '../game';

function digit(address: i32): i32 {
  const d = ram(address) & 15;
  return d == 10 ? 0 : d;
}

export class StarGunner extends Game {
  started: bool = false;

  constructor() {
    super();
    this.rom = 'star_gunner';
    this.md5 = 'a3c1c70024d7aabb41381adbfb6d3b25';
    this.modes = [0, 1, 2, 3];
    this.modeAddress = 0xf4;
    this.selectFrames = 15;
  }

  initialLives(): i32 {
    return 5;
  }

  reset(): void {
    super.reset();
    this.started = false;
  }

  step(): void {
    let score = digit(0x83);
    score += 10 * digit(0x84);
    score += 100 * digit(0x85);
    score += 1000 * digit(0x86);
    score *= 100;
    this.scoreIs(score);
    const livesByte = ram(0x87);
    this.terminal = livesByte == 0;
    if (livesByte == 5) this.started = true;
    this.livesLeft = this.started ? livesByte & 15 : 5;
  }

  extraState(): i32 {
    return this.started ? 1 : 0;
  }

  setExtraState(value: i32): void {
    this.started = value != 0;
  }
}
