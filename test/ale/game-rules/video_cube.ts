// VideoCube.cpp: six faces of nine bytes from 0xA0; reward = change in the number of one-colour faces; over when
// all six are, or when the timer 0xDB goes from 255 to 0 (reward -1); lives() 1, 0 at the end.
import type { GameRules } from '../game-rules.test.js';

function faces(solved: number): Record<number, number> {
  const ram: Record<number, number> = {};
  for (let face = 0; face < 6; face++) {
    for (let i = 0; i < 9; i++) ram[0xa0 + face * 9 + i] = face < solved ? face : i % 6;
  }
  return ram;
}

export const rules: GameRules = {
  game: 'video_cube',
  cases: [
    {
      name: 'solved faces, then the timer wrapping',
      frames: [
        { ram: { ...faces(0), 0xdb: 5 }, terminal: false, lives: 1 },
        { ram: faces(2), reward: 2, terminal: false },
        { ram: faces(1), reward: -1 },
        { ram: { 0xdb: 255 }, reward: 0, terminal: false },
        { ram: { 0xdb: 0 }, reward: -1, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'all six faces',
      frames: [
        { ram: { ...faces(0), 0xdb: 1 } },
        { ram: faces(6), reward: 6, terminal: true, lives: 0 },
      ],
    },
  ],
};
