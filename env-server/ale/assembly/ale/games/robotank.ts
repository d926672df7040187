// Robot Tank: the score counts enemy tanks destroyed (a squadron is 12); the game ends when no reserve tank is left
// and 0xB4 reads 0xFF.
import { Game, ram } from '../game';

export class Robotank extends Game {
  constructor() {
    super();
    this.rom = 'robotank';
    this.md5 = '4f618c2429138e0280969193ed6c107e';
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const squadrons = ram(0xb6);
    const tanks = ram(0xb5);
    const score = squadrons * 12 + tanks;
    this.scoreIs(score);
    const endFlag = ram(0xb4);
    const reserve = ram(0xa8);
    this.terminal = reserve == 0 && endFlag == 0xff;
    this.livesLeft = (reserve & 15) + 1;
  }
}
