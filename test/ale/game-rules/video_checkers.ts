// VideoCheckers.cpp: the board is 0x80-0x87, 0x89-0x90, 0x92-0x99, 0x9B-0xA2 (0x10/0x20 black, 0x90/0xA0 white; the
// bytes between are not squares). In the default mode (1) the game ends +1 when no white piece is left, -1 when no
// black one is; lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

function board(pieces: Record<number, number>): Record<number, number> {
  const ram: Record<number, number> = {};
  for (const first of [0x80, 0x89, 0x92, 0x9b]) for (let a = first; a < first + 8; a++) ram[a] = 0;
  return { ...ram, ...pieces };
}

export const rules: GameRules = {
  game: 'video_checkers',
  cases: [
    {
      name: 'white loses its last piece',
      frames: [
        { ram: board({ 0x80: 0x10, 0x89: 0x90 }), reward: 0, lives: 1, terminal: false },
        { ram: { 0x89: 0 }, reward: 1, lives: 0, terminal: true },
      ],
    },
    {
      name: 'black loses its last piece (kings count; bytes off the board do not)',
      frames: [
        { ram: board({ 0x92: 0x20, 0xa2: 0xa0, 0x88: 0x10 }), reward: 0, terminal: false },
        { ram: { 0x92: 0 }, reward: -1, terminal: true },
      ],
    },
  ],
};
