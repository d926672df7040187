// Layers and modules: conv2d against a direct loop, PyTorch's default initialisation, parameter naming,
// state dicts, target-network copies and device moves.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { assertClose } from './close.js';

const { nn } = torch;

function directConv(x: number[], [n, c, h, w]: number[], wt: number[], [o, , kh, kw]: number[], bias: number[], stride: number, pad: number) {
  const oh = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const ow = Math.floor((w + 2 * pad - kw) / stride) + 1;
  const out: number[] = [];
  for (let b = 0; b < n; b++)
    for (let k = 0; k < o; k++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++) {
          let s = bias[k];
          for (let ch = 0; ch < c; ch++)
            for (let u = 0; u < kh; u++)
              for (let v = 0; v < kw; v++) {
                const y = i * stride + u - pad;
                const z = j * stride + v - pad;
                if (y >= 0 && y < h && z >= 0 && z < w) s += x[((b * c + ch) * h + y) * w + z] * wt[((k * c + ch) * kh + u) * kw + v];
              }
          out.push(s);
        }
  return { out, shape: [n, o, oh, ow] };
}

t.test('Conv2d computes the textbook cross-correlation', (t) => {
  torch.tidy(() => {
    torch.manualSeed(11);
    for (const [stride, pad] of [[1, 0], [2, 1], [3, 2]]) {
      const conv = new nn.Conv2d(2, 3, [3, 2], { stride, padding: pad, dtype: 'float64' });
      const x = torch.randn([2, 2, 7, 6], { dtype: 'float64' });
      const want = directConv(x.toArray(), x.shape, conv.weight.toArray(), conv.weight.shape, conv.bias!.toArray(), stride, pad);
      const got = conv.forward(x);
      t.same(got.shape, want.shape, `output shape, stride ${stride} padding ${pad}`);
      assertClose(t, got.toArray(), want.out, 1e-12, `values, stride ${stride} padding ${pad}`);
      conv.dispose();
    }
  });
  t.end();
});

t.test('Nature-DQN shapes: 4x84x84 frames to 6 action values', (t) => {
  torch.tidy(() => {
    const net = new nn.Sequential(
      new nn.Conv2d(4, 32, 8, { stride: 4 }), new nn.ReLU(), new nn.Conv2d(32, 64, 4, { stride: 2 }), new nn.ReLU(),
      new nn.Conv2d(64, 64, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(3136, 512), new nn.ReLU(), new nn.Linear(512, 6),
    );
    const frames = torch.randint(0, 256, [2, 4, 84, 84], { dtype: 'uint8' });
    t.same(net.forward(frames.float().div(255)).shape, [2, 6]);
    t.equal(net.parameters().reduce((s, p) => s + p.numel, 0), 8224 + 32832 + 36928 + 1606144 + 3078, 'the parameter count of the Nature DQN');
    net.dispose();
  });
  t.end();
});

t.test('default initialisation follows PyTorch (kaiming-uniform a=sqrt(5), bias ±1/sqrt(fan_in))', (t) => {
  torch.tidy(() => {
    const lin = new nn.Linear(100, 400);
    const bound = 1 / Math.sqrt(100);
    const w = lin.weight.toArray();
    t.ok(w.every((v) => Math.abs(v) <= bound), 'weights within ±1/sqrt(fan_in)');
    t.ok(Math.max(...w.map(Math.abs)) > 0.95 * bound, 'and spread to the bound');
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    assertClose(t, [variance], [bound ** 2 / 3], 0.01, 'variance of U(-b, b) is b²/3');
    t.ok(lin.bias!.toArray().every((v) => Math.abs(v) <= bound), 'biases within ±1/sqrt(fan_in)');
    const conv = new nn.Conv2d(4, 8, 3);
    const cb = 1 / Math.sqrt(4 * 9);
    t.ok(conv.weight.toArray().every((v) => Math.abs(v) <= cb) && conv.bias!.toArray().every((v) => Math.abs(v) <= cb), 'conv fan_in counts the kernel');
    t.ok(lin.weight.requiresGrad && lin.bias!.requiresGrad, 'parameters require grad');
    lin.dispose();
    conv.dispose();
  });
  t.end();
});

t.test('orthogonal and uniform initialisers', (t) => {
  torch.tidy(() => {
    for (const shape of [[6, 4], [4, 6], [3, 2, 2, 2]]) {
      const w = nn.init.orthogonal_(torch.zeros(shape, { dtype: 'float64' }), 2, new torch.Generator(1));
      const m = w.reshape(shape[0], -1);
      const [rows, cols] = m.shape;
      const gram = rows >= cols ? m.t().matmul(m) : m.matmul(m.t());
      const n = Math.min(rows, cols);
      const eye = Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 4 : 0));
      assertClose(t, gram.toArray(), eye, 1e-10, `orthogonal [${shape}] with gain 2 has Gram matrix 4I`);
    }
    const u = nn.init.uniform_(torch.zeros([1000]), -3, -1).toArray();
    t.ok(u.every((v) => v >= -3 && v <= -1), 'uniform_ stays in its range');
    t.throws(() => nn.init.orthogonal_(torch.zeros([3])), /at least 2 dimensions/);
  });
  t.end();
});

t.test('named parameters, state dicts, copyFrom and strict loading', (t) => {
  torch.tidy(() => {
    const make = () => new nn.Sequential(new nn.Conv2d(1, 2, 2), new nn.ReLU(), new nn.Flatten(), new nn.Linear(8, 3, { bias: false }));
    const online = make();
    const target = make();
    t.same(Object.keys(online.stateDict()), ['0.weight', '0.bias', '3.weight'], 'PyTorch-style dotted names');
    t.notSame(online.parameters()[2].toArray(), target.parameters()[2].toArray(), 'two fresh networks differ');
    const targetWeight = target.parameters()[2];
    target.copyFrom(online);
    t.same(targetWeight.toArray(), online.parameters()[2].toArray(), 'copyFrom copies values into the same tensors');
    torch.noGrad(() => online.parameters()[2].fill_(0.5));
    t.notSame(targetWeight.toArray(), online.parameters()[2].toArray(), 'and the copy is independent afterwards');

    t.throws(() => target.loadStateDict({ '0.weight': online.stateDict()['0.weight'] }), /missing \[0\.bias, 3\.weight\]/);
    t.throws(() => target.loadStateDict({ ...online.stateDict(), extra: torch.zeros([1]) }), /unexpected \[extra\]/);
    t.throws(() => target.loadStateDict({ ...online.stateDict(), '3.weight': torch.zeros([3, 7]) }), /'3\.weight' has shape \[3,7\] but the module expects \[3,8\]/);
    target.loadStateDict({ '3.weight': torch.ones([3, 8], { dtype: 'float64' }) }, { strict: false });
    t.ok(targetWeight.toArray().every((v) => v === 1), 'non-strict loading converts dtype and skips the rest');
    t.equal(targetWeight.dtype, 'float32');

    online.to('cpu');
    t.equal(online.parameters()[0].device, 'cpu');
    t.throws(() => new nn.Linear(0, 3), /inFeatures must be an integer >= 1/);
    t.throws(() => new nn.Conv2d(1, 1, 3, { stride: 0 }), /stride must be integers >= 1/);
    online.dispose();
    target.dispose();
  });
  t.end();
});

t.test('Sequential applies layers in order; activations match their definitions', (t) => {
  torch.tidy(() => {
    const x = torch.tensor([[-1, 0.5]]);
    t.same(new nn.Sequential(new nn.ReLU(), new nn.Tanh()).forward(x).toArray(), [0, Math.fround(Math.tanh(0.5))]);
    t.same(new nn.LeakyReLU(0.5).forward(x).toArray(), [-0.5, 0.5]);
    t.same(new nn.Sigmoid().forward(torch.zeros([1])).toArray(), [0.5]);
    t.same(new nn.Flatten().forward(torch.zeros([2, 3, 4])).shape, [2, 12]);
    t.same(new nn.Flatten(0).forward(torch.zeros([2, 3])).shape, [6]);
  });
  t.end();
});
