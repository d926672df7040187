// JourneyEscape.cpp: cash BCD over 0x92 (lowest), 0x91, 0x90; a change of exactly 50,000 (the starting cash) is no
// reward; the game ends when the clock 0x95 (minutes) and 0x96 (seconds) both read 0. lives() is always 0.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'journey_escape',
  cases: [
    {
      name: 'the starting cash is no reward, later cash is',
      frames: [
        { ram: { 0x90: 0, 0x91: 0, 0x92: 0, 0x95: 1, 0x96: 0x30 } },
        { ram: { 0x90: 0x05 }, reward: 0, terminal: false, lives: 0 },
        { ram: { 0x91: 0x01 }, reward: 100 },
        { ram: { 0x92: 0x99 }, reward: 99 },
      ],
    },
    {
      name: 'the clock at 0:00 ends the game',
      frames: [
        { ram: { 0x95: 1, 0x96: 0 }, terminal: false },
        { ram: { 0x95: 0, 0x96: 1 }, terminal: false },
        { ram: { 0x96: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
