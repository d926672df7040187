// Casino (Poker Plus): paddles; 60 idle frames and two FIRE presses start a game. The chips are BCD over 0x95 (low)
// and 0x8C; outside mode 3 the reward only moves while input is enabled (0xD3 bit 7 clear), and the game ends
// broke or once a bet (0x9E) is placed while input is disabled. In mode 3 it ends once the award is paid (0x9E =
// 0xAA) with chips left.
import { Game, ram, bcd, repeat, actionBits } from '../game';
import { PADDLES } from '../../input';

function startingActions(): StaticArray<i32> {
  const actions = repeat(0, 62);
  actions[60] = 1;
  actions[61] = 1;
  return actions;
}

export class Casino extends Game {
  constructor() {
    super();
    this.rom = 'casino';
    this.md5 = 'b816296311019ab69a21cb9e9e235d12';
    this.leftController = PADDLES;
    this.minimalActions = actionBits([0, 1, 2, 5]);
    this.modes = [0, 2, 3];
    this.difficulties = [0, 1, 2, 3];
    this.modeAddress = 0xd4;
    this.selectFrames = 2;
    this.startingActions = startingActions();
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    let score = bcd(0x95);
    score += 100 * bcd(0x8c);
    if (ram(0xd4) == 3) {
      const awarded = ram(0x9e) == 0xaa;
      this.reward = score - this.score;
      this.terminal = score > 0 && awarded;
    } else {
      const inputDisabled = (ram(0xd3) & 0x80) != 0;
      if (!inputDisabled) this.reward = score - this.score;
      const bet = bcd(0x9e);
      this.terminal = score == 0 || (bet > 0 && inputDisabled);
    }
    this.score = score;
  }
}
