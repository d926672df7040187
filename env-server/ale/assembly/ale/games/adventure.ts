// Adventure (PAL): one reward, for bringing the chalice to the yellow castle (0xB9 = 0x12), which ends the game, as
// being eaten does (0xE0 = 2). Its menu is stepped with SELECT presses of random length.
import { Game, Console, ram } from '../game';

export class Adventure extends Game {
  constructor() {
    super();
    this.rom = 'adventure';
    this.md5 = '4b27f5397c442d25f0c418ccdacf1926';
    this.detectsAsPal = true;
    this.modes = [0, 1, 2];
    this.difficulties = [0, 1, 2, 3];
  }

  step(): void {
    const chaliceHome = ram(0xb9) == 0x12;
    if (chaliceHome) this.reward = 1;
    const eaten = ram(0xe0) == 2;
    this.terminal = eaten || chaliceHome;
  }

  // ALE reports one life, game over or not.
  lives(): i32 {
    return 1;
  }

  selectMode(mode: i32, console: Console): void {
    while (((ram(0xdd) >> 1) & 3) != mode) {
      console.pressSelect(2 + <i32>(console.random() % 256));
      console.act(0);
    }
    console.softReset();
  }
}
