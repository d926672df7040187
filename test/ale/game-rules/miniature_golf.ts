// MiniatureGolf.cpp: 0x87 shows strokes, 0x88 the hole's par while it is displayed (0 otherwise), 0xAF the hole
// (all BCD). When the hole number changes, the reward is par minus the strokes taken on the finished hole (none if
// no stroke was counted); strokes shown before the counter went back down still count. Hole 0 ends the game.
// lives() is 1, 0 once it is over.
import type { GameRules, RuleFrame } from '../game-rules.test.js';

// Leaves the rules on hole 3 with no stroke counted (whatever the reset left), for the cases below.
const onHole3: RuleFrame[] = [{ ram: { 0xaf: 0x02, 0x88: 0, 0x87: 0 } }, { ram: { 0xaf: 0x03 } }];

export const rules: GameRules = {
  game: 'miniature_golf',
  cases: [
    {
      name: 'two strokes on a par 4 earn 2; one more on a par 3 earns 2 again',
      frames: [
        ...onHole3,
        { ram: { 0x88: 0x04 }, reward: 0, terminal: false, lives: 1 },
        { ram: { 0x88: 0, 0x87: 0x01 }, reward: 0 },
        { ram: { 0x87: 0x02 }, reward: 0 },
        { ram: { 0xaf: 0x04 }, reward: 2, terminal: false },
        { ram: { 0x88: 0x03 }, reward: 0 },
        { ram: { 0x88: 0, 0x87: 0x03 }, reward: 0 },
        { ram: { 0xaf: 0x05 }, reward: 2 },
      ],
    },
    {
      name: 'strokes shown before the counter went back down count',
      frames: [
        ...onHole3,
        { ram: { 0x88: 0x02 } },
        { ram: { 0x88: 0, 0x87: 0x05 } },
        { ram: { 0x87: 0x01 }, reward: 0 },
        { ram: { 0xaf: 0x04 }, reward: -4 },
      ],
    },
    {
      name: 'a hole left without a stroke gives nothing',
      frames: [...onHole3, { ram: { 0x88: 0x03 } }, { ram: { 0x88: 0, 0xaf: 0x04 }, reward: 0, terminal: false }],
    },
    {
      name: 'back to hole 0 ends the game, with the last hole rewarded',
      frames: [
        ...onHole3,
        { ram: { 0x88: 0x03 } },
        { ram: { 0x88: 0, 0x87: 0x02 } },
        { ram: { 0xaf: 0 }, reward: 1, terminal: true, lives: 0 },
      ],
    },
  ],
};
