// Elevator Action: 16 FIRE presses start a game; 0 lives ends it except on the start screen (0x81 = 0).
import { Game, ram, bcd3, repeat } from '../game';

export class ElevatorAction extends Game {
  constructor() {
    super();
    this.rom = 'elevator_action';
    this.md5 = '71f8bacfbdca019113f3f0801849057e';
    this.startingActions = repeat(1, 16);
  }

  initialLives(): i32 {
    return 4;
  }

  step(): void {
    const score = bcd3(0x89, 0x88, 0x87);
    this.scoreIs(score);
    this.livesLeft = ram(0x83);
    const startScreen = ram(0x81) == 0x00;
    this.terminal = this.livesLeft == 0 && !startScreen;
  }
}
