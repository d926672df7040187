// Road Runner: four score digits in the low nibbles of 0xC9..0xCC (0xA draws as 0), in hundreds; the game ends
// when no lives are left and the bird is moving (dying) on either axis.
import { Game, ram } from '../game';

export class RoadRunner extends Game {
  constructor() {
    super();
    this.rom = 'road_runner';
    this.md5 = 'ce5cc62608be2cd3ed8abd844efb8919';
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    let score = 0;
    let weight = 1;
    for (let address = 0xc9; address <= 0xcc; address++) {
      const digit = ram(address) & 15;
      score += weight * (digit == 10 ? 0 : digit);
      weight *= 10;
    }
    score *= 100;
    this.scoreIs(score);
    const livesByte = ram(0xc4) & 7;
    const ySpeed = ram(0xb9);
    const xSpeedOnDeath = ram(0xbd);
    this.terminal = livesByte == 0 && (ySpeed != 0 || xSpeedOnDeath != 0);
    this.livesLeft = livesByte + 1;
  }
}
