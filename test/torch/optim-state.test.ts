// Optimiser state dicts: a run saved after k steps, loaded into a fresh optimiser over a fresh copy of the
// parameters and continued, must end bit-identical to the same run never interrupted. The state goes through
// safetensors bytes, as an agent's checkpoint does.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';

const { optim } = torch;
const f32 = { dtype: 'float32' as const };
const START = [[0.5, -1.25, 2], [3, 0.125, -0.75]];

type Make = (params: torch.Tensor[]) => torch.optim.Optimizer;

const optimisers: [string, Make][] = [
  ['Adam', (p) => new optim.Adam(p, { lr: 0.05, betas: [0.8, 0.95], eps: 1e-6, weightDecay: 0.01 })],
  ['RMSprop centred with momentum', (p) => new optim.RMSprop(p, { lr: 0.01, alpha: 0.9, momentum: 0.5, centered: true })],
  ['SGD with momentum', (p) => new optim.SGD(p, { lr: 0.05, momentum: 0.9, dampening: 0.1 })],
];

function params(): torch.Tensor[] {
  return [torch.keep(torch.tensor(START[0], { ...f32, requiresGrad: true })), torch.keep(torch.tensor(START[1], { ...f32, requiresGrad: true }))];
}

/** One step on a loss whose gradient depends on the parameters, so the trajectory depends on all state. */
function step(opt: torch.optim.Optimizer, ps: torch.Tensor[], k: number): void {
  torch.tidy(() => {
    opt.zeroGrad();
    const [a, b] = ps;
    // From step 3 on b gets no gradient on odd steps, so per-parameter step counts differ (Adam's bias correction).
    const loss = a.mul(a).mul(0.5 + k / 10).sum().add(a.tanh().sum());
    (k >= 3 && k % 2 === 1 ? loss : loss.add(b.sub(a.tanh()).pow(2).sum())).backward();
    opt.step();
  });
}

function run(make: Make, from: number, to: number, ps: torch.Tensor[], opt = make(ps)): torch.optim.Optimizer {
  for (let k = from; k < to; k++) step(opt, ps, k);
  return opt;
}

for (const [name, make] of optimisers) {
  t.test(`${name}: save after 4 steps, load into a fresh optimiser, 6 more steps = 10 uninterrupted steps`, (t) => {
    const straight = params();
    run(make, 0, 10, straight).dispose();
    t.ok(straight.every((p) => p.toArray().every(Number.isFinite)), 'the reference run stays finite');

    const first = params();
    const opt = run(make, 0, 4, first);
    const bytes = torch.tidy(() => torch.serialize({ ...opt.stateDict(), ...Object.fromEntries(first.map((p, i) => [`param.${i}`, p])) }));
    opt.dispose();

    const resumed = params();
    const fresh = make(resumed);
    torch.tidy(() => {
      const { tensors } = torch.deserialize(bytes);
      torch.noGrad(() => resumed.forEach((p, i) => p.copy_(tensors[`param.${i}`])));
      fresh.loadStateDict(Object.fromEntries(Object.entries(tensors).filter(([k]) => !k.startsWith('param.'))));
    });
    run(make, 4, 10, resumed, fresh).dispose();
    t.same(resumed.map((p) => p.toArray()), straight.map((p) => p.toArray()), 'bit-identical parameters');

    const forgetful = params();
    torch.noGrad(() => forgetful.forEach((p, i) => p.copy_(first[i])));
    run(make, 4, 10, forgetful).dispose();
    t.notSame(forgetful.map((p) => p.toArray()), straight.map((p) => p.toArray()), 'without the state the run differs');
    t.end();
  });
}

t.test('Adam state: names, step counts and errors', (t) => {
  const ps = params();
  const opt = new optim.Adam(ps);
  t.same(Object.keys(opt.stateDict()), [], 'no state before the first step');
  torch.tidy(() => {
    ps[0].sum().backward();
    opt.step();
    opt.step();
    const state = opt.stateDict();
    t.same(Object.keys(state).sort(), ['0.exp_avg', '0.exp_avg_sq', '0.step'], 'only the parameter that had a gradient');
    t.equal(state['0.step'].item(), 2);
    t.equal(state['0.step'].dtype, 'int64');
    t.throws(() => opt.loadStateDict({ ...state, '0.velocity': state['0.exp_avg'] }), /'0.velocity' is not one this optimiser keeps \(exp_avg, exp_avg_sq\)/);
    t.throws(() => opt.loadStateDict({ '2.exp_avg': state['0.exp_avg'] }), /key '2.exp_avg' must be '<parameter index in \[0, 2\)>/);
    const short = torch.zeros([2]);
    t.throws(() => opt.loadStateDict({ '0.exp_avg': short, '0.exp_avg_sq': short, '0.step': state['0.step'] }), /'0.exp_avg' has shape \[2\] but parameter 0 has shape \[3\]/);
    t.throws(() => opt.loadStateDict({ '0.exp_avg': state['0.exp_avg'] }), /must have all of step, exp_avg and exp_avg_sq, or none/);
  });
  opt.dispose();
  t.end();
});
