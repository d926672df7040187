// Flag Capture: 0xEA counts flags captured, 0xEB the time left (both BCD); the game ends when the time runs out.
// ALE plays game 8 by default. No life counter: lives() is 1 until the end.
import { Game, bcd } from '../game';

export class FlagCapture extends Game {
  constructor() {
    super();
    this.rom = 'flag_capture';
    this.md5 = '30512e0e83903fc05541d2f6a6a62654';
    this.modes = [8, 9, 10];
    this.modeAddress = 0xd6;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const score = bcd(0xea);
    this.scoreIs(score);
    this.terminal = bcd(0xeb) == 0;
  }
}
