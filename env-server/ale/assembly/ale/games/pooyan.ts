// Pooyan: the game ends when the lives byte reads 0 while 0x98 shows 5. The menu cycles through four modes; ALE
// presses SELECT once before it looks at the mode byte.
import { Game, Console, ram, bcd3, actionBits } from '../game';

export class Pooyan extends Game {
  constructor() {
    super();
    this.rom = 'pooyan';
    this.md5 = '4799a40b6e889370b7ee55c17ba65141';
    this.firstLine = 26;
    this.height = 220;
    this.minimalActions = actionBits([0, 1, 2, 5, 10, 13]);
    this.modes = [0x0a, 0x1e, 0x32, 0x46];
    this.modeAddress = 0xbd;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  selectMode(mode: i32, console: Console): void {
    console.pressSelect(this.selectFrames);
    super.selectMode(mode, console);
  }

  step(): void {
    const score = bcd3(0x8a, 0x89, 0x88);
    this.scoreIs(score);
    const livesByte = ram(0x96);
    const phase = ram(0x98);
    this.terminal = livesByte == 0 && phase == 5;
    this.livesLeft = (livesByte & 7) + 1;
  }
}
