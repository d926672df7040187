// Video Pinball: six BCD digits at 0xB0 (low), 0xB2, 0xB4; bit 0 of 0xAF ends the game. Lives are 4 minus the ball
// number (0x99 & 7) plus an extra ball (bit 0 of 0xA8).
import { Game, ram, bcd3, actionBits } from '../game';

export class VideoPinball extends Game {
  constructor() {
    super();
    this.rom = 'video_pinball';
    this.md5 = '107cc025334211e6d29da0b6be46aec7';
    this.minimalActions = actionBits([0, 1, 2, 3, 4, 5, 10, 11, 12]);
    this.modes = [0, 2];
    this.difficulties = [0, 1];
    this.modeAddress = 0xc1;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 3;
  }

  step(): void {
    const score = bcd3(0xb0, 0xb2, 0xb4);
    this.scoreIs(score);
    this.terminal = (ram(0xaf) & 1) != 0;
    const ball = ram(0x99) & 7;
    const extraBall = ram(0xa8) & 1;
    this.livesLeft = 4 + extraBall - ball;
  }
}
