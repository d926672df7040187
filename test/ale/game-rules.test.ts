// Each game's reward, terminal and lives rules, checked on synthetic RAM against the facts in ALE's settings for
// that game (src/ale/games/supported/<Game>.cpp): every file in game-rules/ names a game and lists cases, each a
// sequence of frames; a frame writes RAM bytes (addresses 0x80..0xFF, as ALE's readRam takes them), applies the
// game's rules once (as ALE does after each emulated frame) and checks what the game reports. Every case starts from
// the ROM freshly loaded and reset, so RAM the case does not write holds what the reset left.
import t from 'tap';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createALEWithRom } from '../../env-server/ale/node-loader.js';
import { sharedDir } from './machine.js';

export interface RuleFrame {
  /** Bytes to write before the rules are applied, by address (0x80..0xFF). */
  ram: Record<number, number>;
  /** Bytes of the cartridge's own RAM to write too, by index in it (Superchip: read address - 0xF080). */
  cartRam?: Record<number, number>;
  reward?: number;
  terminal?: boolean;
  lives?: number;
}

export interface RuleCase {
  name: string;
  frames: RuleFrame[];
}

export interface GameRules {
  /** The ROM file's base name in ../shared/roms. */
  game: string;
  cases: RuleCase[];
}

const romDir = path.join(sharedDir, 'roms');
const rulesDir = fileURLToPath(new URL('./game-rules/', import.meta.url));
const files = readdirSync(rulesDir).filter((f) => f.endsWith('.js')).sort();

if (!existsSync(romDir)) {
  t.test('game rules on synthetic RAM', { skip: `needs the ROMs in ${romDir}, which are absent` }, async () => {});
} else {
  t.ok(files.length > 0, 'rule files present');
  for (const file of files) {
    const { rules } = (await import(pathToFileURL(path.join(rulesDir, file)).href)) as { rules: GameRules };
    t.test(rules.game, async (t) => {
      t.ok(rules.cases.length > 0, 'has cases');
      for (const c of rules.cases) {
        const ale = await createALEWithRom(path.join(romDir, `${rules.game}.bin`));
        c.frames.forEach((frame, i) => {
          for (const [address, value] of Object.entries(frame.ram)) ale.setRAM(Number(address) - 0x80, value);
          for (const [index, value] of Object.entries(frame.cartRam ?? {})) ale.setCartRAM(Number(index), value);
          const reward = ale.applyGameRules();
          const where = `${c.name}, frame ${i}`;
          if (frame.reward !== undefined) t.equal(reward, frame.reward, `${where}: reward`);
          if (frame.terminal !== undefined) t.equal(ale.gameOver(), frame.terminal, `${where}: terminal`);
          if (frame.lives !== undefined) t.equal(ale.lives(), frame.lives, `${where}: lives`);
        });
      }
    });
  }
}
