// ChopperCommand.cpp: score = 100 x (BCD 0xEE + 100 x BCD 0xEC); lives = RAM 0xE4 & 0x0F; 0 lives end the game
// only once it has started (bit 0 of 0xC2 has been set once, which the reset's frames do); lives() returns the
// counter even then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'chopper_command',
  cases: [
    {
      name: 'score in hundreds',
      frames: [
        { ram: { 0xec: 0, 0xee: 0, 0xe4: 3, 0xc2: 1 }, terminal: false, lives: 3 },
        { ram: { 0xee: 0x02 }, reward: 200 },
        { ram: { 0xec: 0x01 }, reward: 10000 },
      ],
    },
    {
      name: 'the reset leaves the game started (0xC2 bit 0 was set), so 0 lives end it; lives() is the counter',
      frames: [
        { ram: { 0xe4: 0x32, 0xc2: 0 }, terminal: false, lives: 2 },
        { ram: { 0xe4: 0x30 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
