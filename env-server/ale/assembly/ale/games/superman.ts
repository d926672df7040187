// Superman: no score; the game ends when Clark Kent (bit 6 of 0x9F) is back in the room whose address at 0x80/0x81
// is 0xF2AC, and the only reward, then, is the time left of 99:59 (minutes and seconds in BCD at 0xE3, 0xE2).
import { Game, ram, bcd } from '../game';

const MAX_SECONDS = 99 * 60 + 59;

export class Superman extends Game {
  constructor() {
    super();
    this.rom = 'superman';
    this.md5 = 'a9531c763077464307086ec9a1fd057d';
    this.difficulties = [0, 1, 2, 3];
  }

  initialLives(): i32 {
    return 1;
  }

  step(): void {
    const seconds = bcd(0xe2);
    const minutes = bcd(0xe3);
    let room = ram(0x80);
    room += ram(0x81) << 8;
    const clarkKent = (ram(0x9f) & 0x40) != 0;
    this.terminal = clarkKent && room == 0xf2ac;
    this.reward = this.terminal ? MAX_SECONDS - (minutes * 60 + seconds) : 0;
  }
}
