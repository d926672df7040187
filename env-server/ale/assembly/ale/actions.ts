// ALE's action set (player A 0..17, player B 18..35, then console actions)
// and how each one drives a joystick or a paddle.
export const NOOP: i32 = 0;
export const FIRE: i32 = 1;
export const PLAYER_B_NOOP: i32 = 18;
export const RESET: i32 = 40;
export const ACTION_COUNT: i32 = 18;

const UP: u32 = 1;
const DOWN: u32 = 2;
const LEFT: u32 = 4;
const RIGHT: u32 = 8;
const BUTTON: u32 = 16;

// Stick bits of actions 0..17 (NOOP FIRE UP RIGHT LEFT DOWN UPRIGHT UPLEFT
// DOWNRIGHT DOWNLEFT, then the same eight directions with FIRE).
const STICK: StaticArray<u32> = [
  0, BUTTON, UP, RIGHT, LEFT, DOWN, UP | RIGHT, UP | LEFT, DOWN | RIGHT, DOWN | LEFT,
  UP | BUTTON, RIGHT | BUTTON, LEFT | BUTTON, DOWN | BUTTON,
  UP | RIGHT | BUTTON, UP | LEFT | BUTTON, DOWN | RIGHT | BUTTON, DOWN | LEFT | BUTTON,
];

/** Joystick bits for a player's action in its own range (0..17), 0 for anything else. */
export function stickBits(action: i32): u32 {
  return action >= 0 && action < ACTION_COUNT ? STICK[action] : 0;
}

/** -1 for actions that turn a paddle right, +1 left, 0 otherwise. */
export function paddleDirection(action: i32): i32 {
  const bits = stickBits(action);
  if (bits & RIGHT) return -1;
  if (bits & LEFT) return 1;
  return 0;
}

export function pressesFire(action: i32): bool {
  return (stickBits(action) & BUTTON) != 0;
}
