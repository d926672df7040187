// HauntedHouse.cpp: -1 whenever the BCD match count 0x82 changes; +100 and the end of the game when 0x99 reads 0x44
// (out with the urn); lives = RAM 0x96, and none left ends the game too; lives() is 0 then.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'haunted_house',
  cases: [
    {
      name: 'each change of the match count costs a point',
      frames: [
        { ram: { 0x82: 0, 0x96: 9, 0x99: 0 } },
        { ram: {}, reward: 0, lives: 9, terminal: false },
        { ram: { 0x82: 0x01 }, reward: -1 },
        { ram: {}, reward: 0 },
        { ram: { 0x82: 0x10 }, reward: -1 },
        { ram: { 0x96: 8 }, reward: 0, lives: 8 },
      ],
    },
    {
      name: 'escaping with the urn earns 100 and ends the game',
      frames: [
        { ram: { 0x82: 0x05, 0x96: 3, 0x99: 0 } },
        { ram: { 0x82: 0x06, 0x99: 0x44 }, reward: 99, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'the last life lost ends the game',
      frames: [
        { ram: { 0x96: 1, 0x99: 0x43 }, lives: 1, terminal: false },
        { ram: { 0x96: 0 }, terminal: true, lives: 0 },
      ],
    },
  ],
};
