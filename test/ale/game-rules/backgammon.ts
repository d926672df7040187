// Backgammon.cpp: signed counts, player pieces negative: 0x80 = player pieces off (negated), 0x8E = computer pieces
// off, 0x81-0x8D and 0x8F-0x9B the points. When both sides add up to 15, all 15 player pieces off gives +1 and ends
// the game, all 15 computer pieces off -1; lives() is 1 until then.
import type { GameRules } from '../game-rules.test.js';

// A board: every point empty but those given.
function board(points: Record<number, number>): Record<number, number> {
  const ram: Record<number, number> = {};
  for (let a = 0x80; a <= 0x9b; a++) ram[a] = 0;
  for (const [a, v] of Object.entries(points)) ram[Number(a)] = v & 0xff;
  return ram;
}

export const rules: GameRules = {
  game: 'backgammon',
  cases: [
    {
      name: 'pieces still on the board',
      frames: [{ ram: board({ 0x81: 15, 0x82: -15 }), reward: 0, terminal: false, lives: 1 }],
    },
    {
      name: 'the player bears off all 15',
      frames: [{ ram: board({ 0x80: -15, 0x81: 15 }), reward: 1, terminal: true, lives: 0 }],
    },
    {
      name: 'the computer bears off all 15',
      frames: [{ ram: board({ 0x8e: 15, 0x9b: -10, 0x90: -5 }), reward: -1, terminal: true, lives: 0 }],
    },
    {
      name: 'a board that does not add up counts for nothing',
      frames: [{ ram: board({ 0x80: -15, 0x81: 3 }), reward: 0, terminal: false, lives: 1 }],
    },
  ],
};
