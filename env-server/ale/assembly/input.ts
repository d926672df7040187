// What is plugged into the console and what the player is pressing: the two
// controller jacks (joystick or a pair of paddles each) and the console
// switches, as the RIOT (SWCHA, SWCHB) and the TIA (INPT0-5) read them.

export const JOYSTICK: u32 = 0;
export const PADDLES: u32 = 1;

/** Resistance a paddle input reads when nothing is connected (never charges). */
export const MAX_RESISTANCE: i32 = 0x7fffffff;

// What each port (0 = left, 1 = right, as SWCHA, INPT0-3 and INPT4/5 see them) holds, and which player's inputs
// that controller reads: 0 for the controller the cart's properties call left. Console.SwapPorts plugs the two
// controllers into each other's port, so player A's joystick is then read through the right port.
let leftJack: u32 = JOYSTICK;
let rightJack: u32 = JOYSTICK;
let leftPlayer: i32 = 0;
let rightPlayer: i32 = 1;
let paddlesSwapped = false;

// Joystick directions and buttons as SWCHA/INPT4-5 report them, 1 = pressed.
// Bits per stick: 1 up, 2 down, 4 left, 8 right, 16 fire.
const stick = new StaticArray<u32>(2);
// Paddles 0..3: resistance and button.
const paddleResistance = new StaticArray<i32>(4);
const paddleFire = new StaticArray<bool>(4);

let resetPressed = false;
let selectPressed = false;
let leftDifficultyA = false;
let rightDifficultyA = false;
// SWCHB as last read; bits the events leave alone keep their value.
let switches: u32 = 0xff;

export function configureInput(left: u32, right: u32, swapPaddles: bool, swapPorts: bool = false): void {
  leftJack = swapPorts ? right : left;
  rightJack = swapPorts ? left : right;
  leftPlayer = swapPorts ? 1 : 0;
  rightPlayer = swapPorts ? 0 : 1;
  paddlesSwapped = swapPaddles;
  // Nothing pressed, pots at zero resistance until the environment sets them.
  for (let i = 0; i < 4; i++) {
    paddleResistance[i] = 0;
    paddleFire[i] = false;
  }
  stick[0] = 0;
  stick[1] = 0;
  resetPressed = false;
  selectPressed = false;
  leftDifficultyA = false;
  rightDifficultyA = false;
  // Console switches at power-on: colour TV, both difficulties B.
  switches = 0xff & ~0x80 & ~0x40;
}

export function usesPaddles(): bool {
  return leftJack == PADDLES || rightJack == PADDLES;
}

export function setStick(player: i32, bits: u32): void {
  stick[player] = bits;
}

export function setPaddle(paddle: i32, resistance: i32, fire: bool): void {
  paddleResistance[paddle] = resistance;
  paddleFire[paddle] = fire;
}

export function releasePaddleButtons(): void {
  for (let i = 0; i < 4; i++) paddleFire[i] = false;
}

export function setConsoleButtons(reset: bool, select: bool): void {
  resetPressed = reset;
  selectPressed = select;
}

export function setDifficulty(leftA: bool, rightA: bool): void {
  leftDifficultyA = leftA;
  rightDifficultyA = rightA;
}

// Which paddle a jack's pin is wired to. Pins: 3 and 4 are buttons, 5 and 9
// the pots; player A's controller carries paddles (0,1), player B's (2,3).
function paddleOnPin(rightSide: bool, pin: i32): i32 {
  const first = (rightSide ? rightPlayer : leftPlayer) * 2;
  const onFirst = pin == 4 || pin == 9;
  return first + ((onFirst != paddlesSwapped) ? 0 : 1);
}

function jackNibble(jack: u32, player: i32, rightSide: bool): u32 {
  if (jack == JOYSTICK) {
    return ~stick[player] & 0x0f;
  }
  let v: u32 = 0x03;
  if (!paddleFire[paddleOnPin(rightSide, 3)]) v |= 0x04;
  if (!paddleFire[paddleOnPin(rightSide, 4)]) v |= 0x08;
  return v;
}

export function readSwcha(): u32 {
  return (jackNibble(leftJack, leftPlayer, false) << 4) | jackNibble(rightJack, rightPlayer, true);
}

export function readSwchb(): u32 {
  if (rightDifficultyA) switches |= 0x80;
  else switches &= ~0x80;
  if (leftDifficultyA) switches |= 0x40;
  else switches &= ~0x40;
  if (selectPressed) switches &= ~0x02;
  else switches |= 0x02;
  if (resetPressed) switches &= ~0x01;
  else switches |= 0x01;
  return switches;
}

/** Resistance on pot input 0..3 (INPT0..3). */
export function potResistance(input: u32): i32 {
  const rightSide = input >= 2;
  const jack = rightSide ? rightJack : leftJack;
  if (jack != PADDLES) return MAX_RESISTANCE;
  return paddleResistance[paddleOnPin(rightSide, (input & 1) ? 5 : 9)];
}

/** Whether fire input 0/1 (INPT4/5) reads high (button released). */
export function fireLineHigh(input: u32): bool {
  const jack = input == 0 ? leftJack : rightJack;
  if (jack != JOYSTICK) return true;
  return (stick[input == 0 ? leftPlayer : rightPlayer] & 0x10) == 0;
}

export function saveInput(out: usize): usize {
  store<u32>(out, switches);
  return out + 4;
}

export function loadInput(from: usize): usize {
  switches = load<u32>(from);
  return from + 4;
}
