// Wizard of Wor: four BCD digits at 0x86 (low) and 0x88, in hundreds (8000 and up shown as less 8000); the game is
// over when the lives nibble of 0x8D is 0 and 0xF4 reads 0xF8. Lives are only taken while the player waits to
// enter (bit 0 of 0xD7 clear). Its properties swap the ports: player A's joystick is read through the right port.
import { Game, ram, bcd, actionBits } from '../game';

export class WizardOfWor extends Game {
  constructor() {
    super();
    this.rom = 'wizard_of_wor';
    this.md5 = '7e8aa18bc9502eb57daaf5e7c1e94da7';
    this.swapPorts = true;
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 10, 11, 12, 13]);
    this.difficulties = [0, 1];
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    let score = bcd(0x86);
    score += 100 * bcd(0x88);
    if (score >= 8000) score -= 8000;
    score *= 100;
    this.scoreIs(score);
    const lives = ram(0x8d) & 15;
    const phase = ram(0xf4);
    const waiting = (ram(0xd7) & 1) == 0;
    this.terminal = lives == 0 && phase == 0xf8;
    if (waiting) this.livesLeft = lives;
  }
}
