// Backgammon: paddles, over a range ALE widens (paddle_max 1,000,000). The board is 26 signed counts (player
// pieces negative); the game ends, +1 or -1, when one side has all 15 pieces off and the board adds up.
import { Game, ram, actionBits } from '../game';
import { PADDLES } from '../../input';

// ALE keeps the counts in signed bytes: every sum wraps to 8 bits.
function int8(value: i32): i32 {
  return (value << 24) >> 24;
}

export class Backgammon extends Game {
  constructor() {
    super();
    this.rom = 'backgammon';
    this.md5 = '8556b42aa05f94bc29ff39c39b11bff4';
    this.leftController = PADDLES;
    this.paddleMax = 1000000;
    this.minimalActions = actionBits([1, 3, 4]);
    this.difficulties = [3];
    // The one mode: SELECT until 0xDC reads 3.
    this.modeAddress = 0xdc;
  }

  initialLives(): i32 {
    return 1;
  }

  modeMatches(mode: i32): bool {
    return ram(0xdc) == 3;
  }

  step(): void {
    const playerOut = int8(-int8(ram(0x80)));
    const computerOut = int8(ram(0x8e));
    let playerIn = 0;
    let computerIn = 0;
    for (let address = 0x81; address <= 0x9b; address++) {
      if (address == 0x8e) continue;
      const p = int8(ram(address));
      if (p > 0) computerIn = int8(computerIn + p);
      else if (p < 0) playerIn = int8(playerIn - p);
    }
    const valid = computerIn + computerOut == 15 && playerIn + playerOut == 15;
    if (!valid) return;
    if (playerOut == 15) {
      this.terminal = true;
      this.reward = 1;
    } else if (computerOut == 15) {
      this.terminal = true;
      this.reward = -1;
    }
  }
}
