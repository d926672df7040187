// Adventure.cpp: reward 1 when the chalice is in the yellow castle (0xB9 = 0x12), which ends the game, as being
// eaten does (0xE0 = 2); lives() is always 1, even at game over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'adventure',
  cases: [
    {
      name: 'eaten: game over, no reward, still one life',
      frames: [
        { ram: { 0xb9: 0, 0xe0: 0 }, reward: 0, terminal: false, lives: 1 },
        { ram: { 0xe0: 2 }, reward: 0, terminal: true, lives: 1 },
      ],
    },
    {
      name: 'the chalice home: reward 1 and game over',
      frames: [
        { ram: { 0xb9: 0x11, 0xe0: 1 }, reward: 0, terminal: false },
        { ram: { 0xb9: 0x12 }, reward: 1, terminal: true, lives: 1 },
      ],
    },
  ],
};
