// ε/α schedules against hand-computed values.
import t from 'tap';
import { checkSchedule, constant, scheduleValue } from '../../agent-client/agents/common/schedule.js';

t.test('linear, exponential and constant schedules', (t) => {
  const linear = { kind: 'linear', start: 1, end: 0.1, steps: 100 } as const;
  const want = [1, 0.55, 0.1, 0.1];
  [0, 50, 100, 1000].forEach((s, i) => t.ok(Math.abs(scheduleValue(linear, s) - want[i]) < 1e-15, `linear at step ${s} is ${want[i]}`));
  const exp = { kind: 'exponential', start: 1, end: 0, steps: 10 } as const;
  t.equal(scheduleValue(exp, 0), 1);
  t.ok(Math.abs(scheduleValue(exp, 10) - Math.exp(-1)) < 1e-15, 'e-folding after `steps`');
  t.equal(scheduleValue(constant(0.3), 12345), 0.3);
  t.throws(() => checkSchedule('eps', { kind: 'cosine' as never, start: 1, end: 0, steps: 1 }), /eps.kind must be 'linear', 'exponential' or 'constant'/);
  t.throws(() => checkSchedule('eps', { ...linear, steps: 0 }), /eps.steps must be > 0/);
  t.end();
});
