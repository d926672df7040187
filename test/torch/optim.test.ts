// Optimisers and losses against their update rules and closed forms, computed here in plain JS.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { assertClose } from './close.js';

const { nn, optim } = torch;
const f64 = { dtype: 'float64' as const };

/** Gives p the gradient c by back-propagating sum(p·c). */
function setGrad(p: torch.Tensor, c: number[]): void {
  torch.tidy(() => p.mul(torch.tensor(c, f64)).sum().backward());
}

t.test('Adam: two steps from known moments, with weight decay', (t) => {
  torch.tidy(() => {
    const [lr, b1, b2, eps, wd] = [0.1, 0.8, 0.95, 1e-3, 0.01];
    const p0 = [1, -2, 0.5];
    const g1 = [0.3, -4, 0];
    const g2 = [-1, 2, 0.25];
    const p = torch.tensor(p0, { ...f64, requiresGrad: true });
    const opt = new optim.Adam([p], { lr, betas: [b1, b2], eps, weightDecay: wd });

    let params = [...p0];
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    for (const [step, g] of [g1, g2].entries()) {
      opt.zeroGrad();
      setGrad(p, g);
      opt.step();
      const k = step + 1;
      params = params.map((pi, i) => {
        const gi = g[i] + wd * pi;
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        const mHat = m[i] / (1 - b1 ** k);
        const vHat = v[i] / (1 - b2 ** k);
        return pi - (lr * mHat) / (Math.sqrt(vHat) + eps);
      });
      assertClose(t, p.toArray(), params, 1e-12, `parameters after step ${k}`);
    }
    opt.dispose();
  });
  t.end();
});

t.test('Adam skips parameters without a gradient', (t) => {
  torch.tidy(() => {
    const a = torch.tensor([1], { ...f64, requiresGrad: true });
    const b = torch.tensor([1], { ...f64, requiresGrad: true });
    const opt = new optim.Adam([a, b], { lr: 0.5 });
    setGrad(a, [2]);
    opt.step();
    assertClose(t, a.toArray(), [0.5], 1e-6, 'the first step moves by lr·sign(g)');
    t.same(b.toArray(), [1], 'b had no gradient and stays put');
  });
  t.end();
});

t.test('RMSprop: plain, then centred with momentum', (t) => {
  torch.tidy(() => {
    const [lr, alpha, eps] = [0.01, 0.9, 1e-8];
    const p = torch.tensor([2, -1], { ...f64, requiresGrad: true });
    const opt = new optim.RMSprop([p], { lr, alpha, eps });
    setGrad(p, [0.5, -3]);
    opt.step();
    const want = [2, -1].map((pi, i) => {
      const g = [0.5, -3][i];
      return pi - (lr * g) / (Math.sqrt((1 - alpha) * g * g) + eps);
    });
    assertClose(t, p.toArray(), want, 1e-12, 'one plain step');

    const q = torch.tensor([1], { ...f64, requiresGrad: true });
    const copt = new optim.RMSprop([q], { lr, alpha, eps, momentum: 0.5, centered: true });
    let [qv, sq, ga, buf] = [1, 0, 0, 0];
    for (const g of [2, -1]) {
      copt.zeroGrad();
      setGrad(q, [g]);
      copt.step();
      sq = alpha * sq + (1 - alpha) * g * g;
      ga = alpha * ga + (1 - alpha) * g;
      buf = 0.5 * buf + g / (Math.sqrt(sq - ga * ga) + eps);
      qv -= lr * buf;
    }
    assertClose(t, q.toArray(), [qv], 1e-12, 'two centred momentum steps');
  });
  t.end();
});

t.test('SGD with momentum, dampening and Nesterov', (t) => {
  torch.tidy(() => {
    for (const nesterov of [false, true]) {
      const [lr, mom, damp] = [0.1, 0.9, nesterov ? 0 : 0.25];
      const p = torch.tensor([1], { ...f64, requiresGrad: true });
      const opt = new optim.SGD([p], { lr, momentum: mom, dampening: damp, nesterov });
      let [pv, buf] = [1, NaN];
      for (const [k, g] of [3, -2, 0.5].entries()) {
        opt.zeroGrad();
        setGrad(p, [g]);
        opt.step();
        buf = k === 0 ? g : mom * buf + (1 - damp) * g;
        pv -= lr * (nesterov ? g + mom * buf : buf);
      }
      assertClose(t, p.toArray(), [pv], 1e-12, `three steps, nesterov=${nesterov}`);
    }
    t.throws(() => new optim.SGD([torch.zeros([1])], { lr: 0.1, nesterov: true }), /Nesterov momentum needs momentum > 0/);
    t.throws(() => new optim.Adam([torch.zeros([1])], { lr: -1 }), /learning rate must be > 0/);
    t.throws(() => new optim.Adam([]), /empty parameter list/);
    t.throws(() => new optim.Adam([torch.zeros([1])], { betas: [0.9, 1] }), /beta2 must be in \[0, 1\)/);
  });
  t.end();
});

t.test('clipGradNorm scales all gradients by one factor and returns the norm before', (t) => {
  torch.tidy(() => {
    const a = torch.tensor([0, 0], { ...f64, requiresGrad: true });
    const b = torch.tensor([0], { ...f64, requiresGrad: true });
    setGrad(a, [3, 4]);
    setGrad(b, [12]);
    t.equal(optim.clipGradNorm([a, b], 6.5), 13);
    const s = 6.5 / (13 + 1e-6);
    assertClose(t, [...a.grad!.toArray(), ...b.grad!.toArray()], [3 * s, 4 * s, 12 * s], 1e-12, 'halved gradients');
    t.equal(optim.clipGradNorm([a, b], 100), 6.5 * (13 / (13 + 1e-6)), 'under the limit nothing changes');
    assertClose(t, b.grad!.toArray(), [12 * s], 1e-12, 'unchanged');
    t.equal(optim.clipGradNorm([a, b], 100, Infinity), 12 * s, 'the max norm');
  });
  t.end();
});

t.test('losses against closed forms', (t) => {
  torch.tidy(() => {
    const x = torch.tensor([1, 2, 3], f64);
    const y = torch.tensor([1, 0, 0], f64);
    assertClose(t, [nn.mseLoss(x, y).item()], [13 / 3], 1e-12, 'mse mean');
    assertClose(t, [nn.mseLoss(x, y, { reduction: 'sum' }).item()], [13], 1e-12, 'mse sum');
    t.same(nn.mseLoss(x, y, { reduction: 'none' }).toArray(), [0, 4, 9], 'mse none');
    assertClose(t, [nn.huberLoss(x, y).item()], [(0 + 1.5 + 2.5) / 3], 1e-12, 'huber, delta 1');
    assertClose(t, [nn.huberLoss(x, y, { delta: 4 }).item()], [(0 + 2 + 4.5) / 3], 1e-12, 'huber, delta 4 (all quadratic)');
    assertClose(t, [nn.smoothL1Loss(x, y, { beta: 2 }).item()], [(0 + 1 + 2) / 3], 1e-12, 'smooth L1, beta 2');
    const logits = torch.tensor([[1, 2, 3], [0, 0, 0]], f64);
    const labels = torch.tensor(BigInt64Array.from([2n, 1n]));
    const lse = Math.log(Math.E + Math.E ** 2 + Math.E ** 3);
    const ce = [lse - 3, Math.log(3)];
    assertClose(t, nn.crossEntropy(logits, labels, { reduction: 'none' }).toArray(), ce, 1e-12, 'cross entropy per row');
    assertClose(t, [nn.crossEntropy(logits, labels).item()], [(ce[0] + ce[1]) / 2], 1e-12, 'cross entropy mean');
    t.throws(() => nn.mseLoss(x, y, { reduction: 'avg' as 'mean' }), /unknown reduction 'avg' \(allowed: mean, sum, none\)/);
  });
  t.end();
});

t.test('a small network learns: XOR with Adam', (t) => {
  torch.manualSeed(2);
  const net = new nn.Sequential(new nn.Linear(2, 16), new nn.Tanh(), new nn.Linear(16, 1));
  const opt = new optim.Adam(net.parameters(), { lr: 0.05 });
  const x = torch.keep(torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]));
  const y = torch.keep(torch.tensor([[0], [1], [1], [0]]));
  let loss = Infinity;
  for (let i = 0; i < 300; i++) {
    loss = torch.tidy(() => {
      opt.zeroGrad();
      const l = nn.mseLoss(net.forward(x), y);
      l.backward();
      opt.step();
      return l.item();
    });
  }
  t.ok(loss < 0.01, `XOR loss after 300 steps: ${loss}`);
  for (const d of [net, opt, x, y]) d.dispose();
  t.end();
});
