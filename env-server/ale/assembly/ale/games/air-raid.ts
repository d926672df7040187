// Air Raid (PAL): modes 1-8 on a selection panel that SELECT must first open; the game ends when 0xA7 reads 0xFF.
import { Game, Console, ram, bcd3, actionBits } from '../game';

export class AirRaid extends Game {
  constructor() {
    super();
    this.rom = 'air_raid';
    this.md5 = '35be55426c1fec32dfb503b4f0651572';
    this.detectsAsPal = true;
    this.minimalActions = actionBits([0, 1, 3, 4, 11, 12]);
    this.modes = [1, 2, 3, 4, 5, 6, 7, 8];
    this.modeAddress = 0xaa;
    this.selectFrames = 10;
    this.startingActions = [1];
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = bcd3(0xaa, 0xa9, 0xa8);
    this.scoreIs(score);
    this.terminal = ram(0xa7) == 0xff;
  }

  selectMode(mode: i32, console: Console): void {
    // The first long press opens the panel; the mode byte only means the mode once it is open.
    console.pressSelect(20);
    super.selectMode(mode, console);
  }
}
