// Autograd: gradients of a small MLP against the chain rule worked by hand, finite-difference checks of the
// layers and losses, and the switches (noGrad, detach, requiresGrad).
import t, { type Test } from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { assertClose } from './close.js';

const { nn } = torch;

t.test('gradient of a 2-2-1 ReLU MLP with squared error matches the chain rule', (t) => {
  torch.tidy(() => {
    const x = [1, -2];
    const W1 = [[0.5, -1], [2, 0.25]];
    const b1 = [0.1, -3];
    const w2 = [1.5, -0.5];
    const b2 = 0.2;
    const y = 1;
    // Forward by hand: h = relu(W1 x + b1) = relu([2.6, -1]) = [2.6, 0]; f = 1.5·2.6 + 0.2 = 4.1.
    const pre = W1.map((row, i) => row[0] * x[0] + row[1] * x[1] + b1[i]);
    const h = pre.map((v) => Math.max(0, v));
    const f = w2[0] * h[0] + w2[1] * h[1] + b2;
    const dF = 2 * (f - y);
    const dPre = w2.map((w, i) => (pre[i] > 0 ? dF * w : 0));

    const opts = { dtype: 'float64' as const, requiresGrad: true };
    const tW1 = torch.tensor(W1, opts);
    const tb1 = torch.tensor(b1, opts);
    const tw2 = torch.tensor([w2], opts);
    const tb2 = torch.tensor([b2], opts);
    const out = torch.tensor([x], { dtype: 'float64' }).matmul(tW1.t()).add(tb1).relu().matmul(tw2.t()).add(tb2);
    const loss = out.sub(y).pow(2).sum();
    assertClose(t, [loss.item()], [(f - y) ** 2], 1e-12, 'loss');
    loss.backward();
    assertClose(t, tb2.grad!.toArray(), [dF], 1e-12, 'd loss / d b2');
    assertClose(t, tw2.grad!.toArray(), h.map((v) => dF * v), 1e-12, 'd loss / d w2');
    assertClose(t, tb1.grad!.toArray(), dPre, 1e-12, 'd loss / d b1 (zero through the dead unit)');
    assertClose(t, tW1.grad!.toArray(), [dPre[0] * x[0], dPre[0] * x[1], dPre[1] * x[0], dPre[1] * x[1]], 1e-12, 'd loss / d W1');
  });
  t.end();
});

// Central differences on every parameter element of a float64 network: conv, linear, activations and losses.
function gradcheck(t: Test, name: string, net: torch.nn.Module, lossOf: () => torch.Tensor): void {
  torch.tidy(() => {
    net.zeroGrad();
    lossOf().backward();
    const h = 1e-6;
    let worst = 0;
    for (const [pname, p] of net.namedParameters()) {
      const analytic = p.grad!.toArray();
      const flat = p.view(-1);
      const values = flat.toArray();
      for (let i = 0; i < values.length; i++) {
        const at = (v: number) => {
          flat.slice(0, i, i + 1).fill_(v);
          return torch.tidy(() => torch.noGrad(() => lossOf().item()));
        };
        const numeric = (at(values[i] + h) - at(values[i] - h)) / (2 * h);
        flat.slice(0, i, i + 1).fill_(values[i]);
        const err = Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(numeric));
        if (err > worst) worst = err;
        if (err > 1e-5) t.fail(`${name}: ${pname}[${i}] analytic ${analytic[i]} vs numeric ${numeric}`);
      }
    }
    t.ok(worst < 1e-5, `${name}: all gradients agree with finite differences (worst ${worst.toExponential(2)})`);
  });
}

t.test('finite-difference gradient checks', (t) => {
  torch.manualSeed(5);
  const f64 = { dtype: 'float64' as const };
  const conv = new nn.Sequential(
    new nn.Conv2d(2, 3, 3, { stride: 2, padding: 1, ...f64 }), new nn.Tanh(),
    new nn.Conv2d(3, 2, 2, f64), new nn.LeakyReLU(0.2), new nn.Flatten(), new nn.Linear(8, 3, f64), new nn.Sigmoid(),
  );
  const input = torch.keep(torch.randn([2, 2, 6, 6], f64));
  const target = torch.keep(torch.randn([2, 3], f64));
  gradcheck(t, 'conv net + MSE', conv, () => nn.mseLoss(conv.forward(input), target));

  const mlp = new nn.Sequential(new nn.Linear(3, 5, f64), new nn.ReLU(), new nn.Linear(5, 4, f64));
  const x = torch.keep(torch.randn([6, 3], f64).mul(3));
  const labels = torch.keep(torch.tensor(BigInt64Array.from([0n, 3n, 1n, 2n, 3n, 0n])));
  const q = torch.keep(torch.randn([6, 4], f64).mul(2));
  gradcheck(t, 'MLP + cross entropy', mlp, () => nn.crossEntropy(mlp.forward(x), labels));
  gradcheck(t, 'MLP + Huber', mlp, () => nn.huberLoss(mlp.forward(x), q, { delta: 0.7 }));
  gradcheck(t, 'MLP + gather + smooth L1', mlp, () =>
    nn.smoothL1Loss(mlp.forward(x).gather(1, labels.view(-1, 1)), q.slice(1, 0, 1), { beta: 0.5 }));
  for (const d of [conv, mlp, input, target, x, labels, q]) d.dispose();
  t.end();
});

t.test('noGrad, detach and requiresGrad', (t) => {
  torch.tidy(() => {
    const w = torch.tensor([2], { requiresGrad: true });
    t.ok(w.requiresGrad);
    t.ok(w.mul(3).requiresGrad, 'results of tracked inputs are tracked');
    t.notOk(torch.noGrad(() => w.mul(3)).requiresGrad, 'noGrad records nothing');
    t.ok(w.mul(3).requiresGrad, 'the mode is restored afterwards');
    t.throws(() => torch.noGrad(() => { throw new Error('inner'); }), /inner/);
    t.ok(w.mul(3).requiresGrad, 'and restored when the callback throws');
    t.notOk(w.detach().requiresGrad);

    const y = w.mul(w).add(w.detach().mul(w));
    y.backward();
    t.same(w.grad!.toArray(), [2 * 2 + 2], 'a detached factor counts as a constant');
    t.equal(torch.tensor([1]).grad, null, 'no gradient before backward');
    w.mul(5).backward();
    t.same(w.grad!.toArray(), [11], 'gradients accumulate like PyTorch');
  });
  t.end();
});
