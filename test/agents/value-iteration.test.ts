// Value iteration on FrozenLake's transition table against the fixture's exact optima.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FrozenLake, MAPS } from '../../env-server/envs/classic/frozen-lake.js';
import { finiteHorizonOptimum, policyValue, valueIteration } from '../../agent-client/agents/qlearning/value-iteration.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = resolve(repo, '../shared/reference/classic/frozenlake.json');
const lake = new FrozenLake({ desc: MAPS['4x4'], isSlippery: true, successRate: 1 / 3, rewardSchedule: [1, 0, 0] });

t.test('optima on the 4x4 slippery table match the fixture', { skip: existsSync(fixture) ? false : `fixture not found at ${fixture}` }, (t) => {
  const stats = JSON.parse(readFileSync(fixture, 'utf8')).slippery_statistics['4x4'];
  const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number, what: string) =>
    t.ok(Array.from(a).every((x, i) => Math.abs(x - b[i]) < tol), `${what} within ${tol}`);
  const { V, policy } = valueIteration(lake.P, 0.99);
  close(V, stats.V_optimal_gamma_0_99, 1e-9, 'V* for γ = 0.99');
  t.same(Array.from(policy), stats.policies['greedy_gamma_0.99'], 'greedy policy for γ = 0.99');
  t.ok(Math.abs(finiteHorizonOptimum(lake.P, 100)[0] - stats.optimal_p_goal_within_horizon_nonstationary) < 1e-12, 'best success probability within 100 steps');
  t.ok(Math.abs(policyValue(lake.P, policy, 100)[0] - stats.results['greedy_gamma_0.99'].p_goal) < 1e-12, 'success probability of the γ = 0.99 greedy policy');
  t.end();
});

t.test('a deterministic two-state chain by hand', (t) => {
  // State 0: action 0 stays (reward 0), action 1 goes to terminal state 1 with reward 1.
  const P = [
    [[[1, 0, 0, false]], [[1, 1, 1, true]]],
    [[[1, 1, 0, true]], [[1, 1, 0, true]]],
  ] as const;
  const { V, policy } = valueIteration(P as never, 0.9);
  t.same([V[0], policy[0]], [1, 1]);
  t.same(Array.from(finiteHorizonOptimum(P as never, 3)), [1, 0]);
  t.throws(() => valueIteration(P as never, 1), /gamma in \[0, 1\)/);
  t.end();
});
