// Hangman: the reward is the guesser's points minus the setter's, and any point ends the episode; so does the game
// timer at 0xF1 wrapping from 255 to 0 (the game's own time-out). No life counter: lives() is 1 until the end.
import { Game, ram, bcd } from '../game';

export class Hangman extends Game {
  computerScore: i32 = 0;
  /** The timer byte this frame and the frame before; -1 before the first frame. */
  timer: i32 = -1;
  previousTimer: i32 = -1;

  constructor() {
    super();
    this.rom = 'hangman';
    this.md5 = 'f16c709df0a6c52f47ff52b9d95b7d8d';
    this.modes = [0, 1, 2, 3];
    this.difficulties = [0, 1];
    this.modeAddress = 0xee;
    this.selectFrames = 2;
  }

  initialLives(): i32 {
    return 1;
  }

  reset(): void {
    super.reset();
    this.computerScore = 0;
    this.timer = -1;
    this.previousTimer = -1;
  }

  step(): void {
    const computer = bcd(0xec);
    const player = bcd(0xeb);
    this.reward = player - this.score - (computer - this.computerScore);
    this.computerScore = computer;
    this.score = player;
    this.previousTimer = this.timer;
    this.timer = ram(0xf1);
    this.terminal = this.reward != 0 || (this.timer == 0 && this.previousTimer == 255);
  }

  // ALE's own save leaves the timers out; a restored state here replays like the original instead.
  extraState(): i32 {
    return this.computerScore | ((this.timer + 1) << 8) | ((this.previousTimer + 1) << 17);
  }

  setExtraState(value: i32): void {
    this.computerScore = value & 0xff;
    this.timer = ((value >> 8) & 0x1ff) - 1;
    this.previousTimer = ((value >> 17) & 0x1ff) - 1;
  }
}
