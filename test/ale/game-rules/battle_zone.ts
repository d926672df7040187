// BattleZone.cpp: score = 1000 x (high nibble of 0x9D + 10 x low nibble of 0x9E + 100 x high nibble of 0x9E), a
// nibble of 0xA reading 0; lives = RAM 0xBA & 0x0F, 0 ends the game.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'battle_zone',
  cases: [
    {
      name: 'score digits in thousands, 0xA blank',
      frames: [
        { ram: { 0x9d: 0xa0, 0x9e: 0xaa, 0xba: 0x05 }, terminal: false, lives: 5 },
        { ram: { 0x9d: 0x1a }, reward: 1000 },
        { ram: { 0x9e: 0xa2 }, reward: 20000 },
        { ram: { 0x9e: 0x32 }, reward: 300000, lives: 5 },
        { ram: { 0xba: 0xf0 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
