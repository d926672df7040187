// Hangman.cpp: reward = change of the guesser's BCD score (0xEB) minus change of the setter's (0xEC); any reward
// ends the episode, and so does the game timer 0xF1 going from 255 to 0. lives() is 1, 0 once it is over.
import type { GameRules } from '../game-rules.test.js';

export const rules: GameRules = {
  game: 'hangman',
  cases: [
    {
      name: "the guesser's point is +1 and ends the episode",
      frames: [
        { ram: { 0xeb: 0, 0xec: 0, 0xf1: 5 } },
        { ram: {}, reward: 0, terminal: false, lives: 1 },
        { ram: { 0xeb: 1 }, reward: 1, terminal: true, lives: 0 },
      ],
    },
    {
      name: "the setter's point is -1 and ends the episode",
      frames: [
        { ram: { 0xeb: 0x05, 0xec: 0x03, 0xf1: 0 } },
        { ram: {}, reward: 0, terminal: false },
        { ram: { 0xec: 0x04 }, reward: -1, terminal: true, lives: 0 },
      ],
    },
    {
      name: 'scores are BCD',
      frames: [
        { ram: { 0xeb: 0x09, 0xec: 0, 0xf1: 0 } },
        { ram: { 0xeb: 0x10 }, reward: 1, terminal: true },
      ],
    },
    {
      name: 'the timer wrapping from 255 to 0 ends it; reaching 0 otherwise does not',
      frames: [
        { ram: { 0xeb: 0, 0xec: 0, 0xf1: 3 } },
        { ram: { 0xf1: 0 }, reward: 0, terminal: false },
        { ram: { 0xf1: 0xfe }, terminal: false },
        { ram: { 0xf1: 0xff }, terminal: false, lives: 1 },
        { ram: { 0xf1: 0 }, reward: 0, terminal: true, lives: 0 },
      ],
    },
  ],
};
