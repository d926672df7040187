// River Raid: each score digit is drawn from a byte holding digit * 8 (other values read as 0), ones at 0xD7 up to
// hundred-thousands at 0xCD. Byte 0xC0 is the lives byte: the game is over when it goes from 0x59 to 0x58, and ALE
// reads lives from it (0x58 at the start counts as 4, 0x59 as 1, else byte / 8 + 1).
import { Game, ram } from '../game';

const START_BYTE = 0x58;
const LAST_LIFE_BYTE = 0x59;

function digit(address: i32): i32 {
  const v = ram(address);
  return (v & 7) == 0 && v <= 72 ? v >> 3 : 0;
}

export class Riverraid extends Game {
  livesByte: i32 = START_BYTE;

  constructor() {
    super();
    this.rom = 'riverraid';
    this.md5 = '393948436d1f4cc3192410bb918f9724';
    this.difficulties = [0, 1];
  }

  reset(): void {
    super.reset();
    this.livesByte = START_BYTE;
  }

  step(): void {
    let score = digit(0xd7);
    score += 10 * digit(0xd5);
    score += 100 * digit(0xd3);
    score += 1000 * digit(0xd1);
    score += 10000 * digit(0xcf);
    score += 100000 * digit(0xcd);
    this.scoreIs(score);
    const byte = ram(0xc0);
    this.terminal = byte == START_BYTE && this.livesByte == LAST_LIFE_BYTE;
    this.livesByte = byte;
  }

  lives(): i32 {
    if (this.terminal) return 0;
    if (this.livesByte == START_BYTE) return 4;
    if (this.livesByte == LAST_LIFE_BYTE) return 1;
    return this.livesByte / 8 + 1;
  }

  extraState(): i32 {
    return this.livesByte;
  }

  setExtraState(value: i32): void {
    this.livesByte = value;
  }
}
