// Video Cube: the reward is the change in the number of solved faces (six faces of nine bytes from 0xA0); the game
// ends when all six are solved or when the idle timer at 0xDB wraps from 255 to 0 (reward -1: the computer takes
// over). ALE's modes are cube * 100 + variation: the variation (0-2) is picked on the menu (0xFB & 31 reads 0, 2
// or 8), the cube (1-50, BCD at 0x9F) by pressing RIGHT after the soft reset.
import { Game, Console, ram, bcd, repeat } from '../game';

const FACES = 6;
const FACE_BYTES = 9;
const VARIATION_MENU: StaticArray<i32> = [0, 2, 8];

function allModes(): StaticArray<i32> {
  const modes = new StaticArray<i32>(51 * 3);
  for (let cube = 0; cube <= 50; cube++) for (let v = 0; v < 3; v++) modes[cube * 3 + v] = cube * 100 + v;
  return modes;
}

function startingActions(): StaticArray<i32> {
  const actions = repeat(0, 64);
  actions[61] = 1;
  return actions;
}

export class VideoCube extends Game {
  solvedFaces: i32 = 0;
  timer: i32 = 0;
  lastTimer: i32 = 0;

  constructor() {
    super();
    this.rom = 'video_cube';
    this.md5 = '3f540a30fdee0b20aed7288e4a5ea528';
    this.modes = allModes();
    this.difficulties = [0, 1];
    this.modeAddress = 0xfb;
    this.selectFrames = 2;
    this.startingActions = startingActions();
  }

  initialLives(): i32 {
    return 1;
  }

  // The timer pair is not cleared here: ALE keeps it across resets.
  reset(): void {
    super.reset();
    this.solvedFaces = 0;
  }

  selectMode(mode: i32, console: Console): void {
    const cube = mode >= 100 ? mode / 100 : 1;
    const menu = VARIATION_MENU[mode % 100];
    while ((ram(this.modeAddress) & 31) != menu) console.pressSelect(this.selectFrames);
    console.softReset();
    while (bcd(0x9f) != cube) console.act(3);
  }

  step(): void {
    let solved = 0;
    for (let face = 0; face < FACES; face++) {
      const first = 0xa0 + face * FACE_BYTES;
      const colour = ram(first);
      let same = true;
      for (let i = 1; i < FACE_BYTES && same; i++) same = ram(first + i) == colour;
      if (same) solved++;
    }
    this.lastTimer = this.timer;
    this.timer = ram(0xdb);
    const timedOut = this.timer == 0 && this.lastTimer == 255;
    this.reward = timedOut ? -1 : solved - this.solvedFaces;
    this.solvedFaces = solved;
    this.terminal = timedOut || solved == FACES;
  }

  extraState(): i32 {
    return (this.solvedFaces << 16) | (this.lastTimer << 8) | this.timer;
  }

  setExtraState(value: i32): void {
    this.solvedFaces = value >> 16;
    this.lastTimer = (value >> 8) & 0xff;
    this.timer = value & 0xff;
  }
}
