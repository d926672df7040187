// Annealing schedules for ε (exploration) and α (tabular step size): linear as in Mnih et al. (2015),
// or exponential decay towards the final value.

export interface Schedule {
  kind: 'linear' | 'exponential' | 'constant';
  start: number;
  end: number;
  /** Linear: steps from start to end. Exponential: steps for the distance to `end` to shrink by a factor e. */
  steps: number;
}

export function constant(value: number): Schedule {
  return { kind: 'constant', start: value, end: value, steps: 1 };
}

export function scheduleValue(s: Schedule, t: number): number {
  if (s.kind === 'constant') return s.start;
  if (s.kind === 'linear') return s.start + (s.end - s.start) * Math.min(1, t / s.steps);
  return s.end + (s.start - s.end) * Math.exp(-t / s.steps);
}

export function checkSchedule(name: string, s: Schedule): void {
  if (!['linear', 'exponential', 'constant'].includes(s.kind)) throw new TypeError(`${name}.kind must be 'linear', 'exponential' or 'constant', got '${s.kind}'`);
  if (!(s.steps > 0)) throw new RangeError(`${name}.steps must be > 0, got ${s.steps}`);
}
