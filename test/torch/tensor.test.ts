// Tensors: data in and out, views, indexing, arithmetic, reductions and comparisons against hand-computed values.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { assertClose } from './close.js';

t.test('typed arrays go in and come out unchanged, with the matching dtype', (t) => {
  torch.tidy(() => {
    const frames = new Uint8Array(2 * 3 * 4).map((_, i) => (i * 37) % 256);
    const f = torch.tensor(frames, { shape: [2, 3, 4] });
    t.equal(f.dtype, 'uint8');
    t.same(f.shape, [2, 3, 4]);
    t.same(f.data(), frames);

    const floats = Float32Array.from([0.5, -1.25, 3e-8, 1e30]);
    t.same(torch.tensor(floats).data(), floats);

    const longs = BigInt64Array.from([-(2n ** 62n), 0n, 2n ** 53n + 1n]);
    const l = torch.tensor(longs);
    t.equal(l.dtype, 'int64');
    t.same(l.data(), longs, 'int64 values beyond 2^53 survive');

    const sub = new Float32Array([9, 1, 2, 3, 9]).subarray(1, 4);
    t.same(torch.tensor(sub).toArray(), [1, 2, 3], 'a subarray contributes only its own elements');
    t.same(torch.tensor(Int32Array.from([1, 2]), { dtype: 'float64' }).data(), Float64Array.from([1, 2]), 'converted on request');
    t.same(torch.tensor(Uint8Array.from([0, 2, 1]), { dtype: 'bool' }).toArray(), [0, 1, 1], 'bytes become proper booleans');
  });
  t.end();
});

t.test('nested arrays, dtype and device round trips', (t) => {
  torch.tidy(() => {
    const x = torch.tensor([[1, 2, 3], [4, 5, 6]]);
    t.same(x.shape, [2, 3]);
    t.equal(x.dtype, 'float32');
    t.equal(x.device, 'cpu');
    for (const dtype of ['float64', 'int64', 'int32', 'int16', 'int8', 'uint8', 'float16', 'bfloat16'] as const) {
      const y = x.to(dtype);
      t.equal(y.dtype, dtype);
      t.same(y.to('float32').toArray(), [1, 2, 3, 4, 5, 6], `float32 -> ${dtype} -> float32`);
    }
    t.same(x.gt(2).to('bool').toArray(), [0, 0, 1, 1, 1, 1]);
    t.equal(x.to('cpu').device, 'cpu');
    t.equal(x.to({ device: 'auto', dtype: 'float64' }).device, torch.cuda.isAvailable() ? 'cuda:0' : 'cpu');
  });
  t.end();
});

t.test('views share memory and index the right elements', (t) => {
  torch.tidy(() => {
    const x = torch.arange(24).view(2, 3, 4);
    t.same(x.shape, [2, 3, 4]);
    t.same(x.select(1, 2).toArray(), [8, 9, 10, 11, 20, 21, 22, 23]);
    t.same(x.slice(2, 1, 3).toArray(), [1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22]);
    t.same(x.slice(2, -1).flatten().toArray(), [3, 7, 11, 15, 19, 23], 'negative start counts from the end');
    t.same(x.slice(1, 0, 3, 2).shape, [2, 2, 4]);
    t.same(x.reshape(-1, 6).shape, [4, 6]);
    t.same(x.permute(2, 0, 1).shape, [4, 2, 3]);
    t.same(x.transpose(0, 2).contiguous().view(-1).toArray().slice(0, 4), [0, 12, 4, 16]);
    t.same(x.unsqueeze(0).shape, [1, 2, 3, 4]);
    t.same(x.unsqueeze(0).squeeze().shape, [2, 3, 4]);
    t.same(torch.tensor([1, 2]).view(2, 1).expand(2, 3).toArray(), [1, 1, 1, 2, 2, 2]);

    const y = torch.zeros([2, 3]);
    y.select(0, 1).fill_(7);
    t.same(y.toArray(), [0, 0, 0, 7, 7, 7], 'writing through a view changes the base');
  });
  t.end();
});

t.test('index, gather and scatter', (t) => {
  torch.tidy(() => {
    const x = torch.tensor([[10, 11, 12], [20, 21, 22], [30, 31, 32]]);
    const rows = torch.tensor(BigInt64Array.from([2n, 0n]));
    t.same(x.index(rows).toArray(), [30, 31, 32, 10, 11, 12]);
    t.same(x.indexSelect(1, rows).toArray(), [12, 10, 22, 20, 32, 30]);
    t.same(x.index(x.gt(25)).toArray(), [30, 31, 32], 'a bool mask selects elements');
    const actions = torch.tensor(BigInt64Array.from([1n, 2n, 0n]), { shape: [3, 1] });
    t.same(x.gather(1, actions).toArray(), [11, 22, 30], 'gather picks Q(s, a) per row');
    t.same(torch.zeros([2, 3]).scatter(1, torch.tensor(BigInt64Array.from([2n, 0n]), { shape: [2, 1] }), 5).toArray(), [0, 0, 5, 5, 0, 0]);
    t.same(torch.zeros([3]).scatter(0, torch.tensor(BigInt64Array.from([1n])), torch.tensor([4])).toArray(), [0, 4, 0]);
  });
  t.end();
});

t.test('arithmetic with tensors and numbers broadcasts like PyTorch', (t) => {
  torch.tidy(() => {
    const a = torch.tensor([[1, 2], [3, 4]]);
    const b = torch.tensor([10, 20]);
    t.same(a.add(b).toArray(), [11, 22, 13, 24]);
    t.same(a.sub(1).toArray(), [0, 1, 2, 3]);
    t.same(a.mul(b).toArray(), [10, 40, 30, 80]);
    t.same(a.div(2).toArray(), [0.5, 1, 1.5, 2]);
    t.same(a.neg().toArray(), [-1, -2, -3, -4]);
    t.same(a.pow(2).toArray(), [1, 4, 9, 16]);
    const r = torch.tensor(BigInt64Array.from([-7n, -1n, 0n, 5n, 9n]));
    t.same(r.remainder(4).toArray(), [1, 3, 0, 1, 1], 'remainder takes the sign of the divisor, as Python -7 % 4 = 1');
    t.equal(r.remainder(4).dtype, 'int64');
    t.same(a.matmul(a).toArray(), [7, 10, 15, 22]);
    t.same(a.clamp(2, 3).toArray(), [2, 2, 3, 3]);
    t.same(a.clamp(null, 2).toArray(), [1, 2, 2, 2]);
    t.same(a.maximum(torch.tensor([2, 2])).toArray(), [2, 2, 3, 4]);
    const i = torch.tensor(BigInt64Array.from([3n]));
    t.equal(i.add(2).dtype, 'int64', 'whole numbers keep integer tensors integral');
    t.equal(i.mul(0.5).dtype, 'float32', 'fractions promote like PyTorch');
  });
  t.end();
});

t.test('elementwise math matches Math', (t) => {
  torch.tidy(() => {
    const xs = [-2, -0.5, 0.25, 1, 3];
    const x = torch.tensor(xs, { dtype: 'float64' });
    const pos = x.abs();
    assertClose(t, x.exp().toArray(), xs.map(Math.exp), 1e-12, 'exp');
    assertClose(t, pos.log().toArray(), xs.map((v) => Math.log(Math.abs(v))), 1e-12, 'log');
    assertClose(t, pos.sqrt().toArray(), xs.map((v) => Math.sqrt(Math.abs(v))), 1e-12, 'sqrt');
    assertClose(t, x.tanh().toArray(), xs.map(Math.tanh), 1e-12, 'tanh');
    assertClose(t, x.sigmoid().toArray(), xs.map((v) => 1 / (1 + Math.exp(-v))), 1e-12, 'sigmoid');
    assertClose(t, x.relu().toArray(), xs.map((v) => Math.max(0, v)), 0, 'relu');
    assertClose(t, x.leakyRelu(0.1).toArray(), xs.map((v) => (v > 0 ? v : 0.1 * v)), 1e-12, 'leaky relu');
    assertClose(t, x.pow(3).toArray(), xs.map((v) => v ** 3), 1e-12, 'pow');
    const z = Math.log(xs.reduce((s, v) => s + Math.exp(v), 0));
    assertClose(t, x.logSoftmax(0).toArray(), xs.map((v) => v - z), 1e-12, 'log softmax');
    assertClose(t, x.softmax(0).sum().toArray(), [1], 1e-12, 'softmax sums to 1');
  });
  t.end();
});

t.test('reductions and comparisons', (t) => {
  torch.tidy(() => {
    const x = torch.tensor([[3, 9, 1], [4, -2, 8]]);
    t.equal(x.sum().item(), 23);
    t.same(x.sum(0).toArray(), [7, 7, 9]);
    t.same(x.sum(1, true).shape, [2, 1]);
    t.same(x.sum([0, 1]).toArray(), [23]);
    t.equal(x.mean().item(), Math.fround(23 / 6));
    t.same(x.mean(1).toArray(), [13 / 3, 10 / 3].map(Math.fround));
    t.equal(x.max().item(), 9);
    t.equal(x.min().item(), -2);
    const { values, indices } = x.max(1);
    t.same(values.toArray(), [9, 8]);
    t.same(indices.toArray(), [1, 2]);
    t.equal(indices.dtype, 'int64');
    t.same(x.min(0).indices.toArray(), [0, 1, 0]);
    t.equal(x.argmax().item(), 1, 'argmax of the flattened tensor');
    t.same(x.argmax(1).toArray(), [1, 2]);
    t.same(x.eq(4).toArray(), [0, 0, 0, 1, 0, 0]);
    t.same(x.gt(3).toArray(), [0, 1, 0, 1, 0, 1]);
    t.same(x.lt(3).toArray(), [0, 0, 1, 0, 1, 0]);
    t.same(x.ge(8).toArray(), [0, 1, 0, 0, 0, 1]);
    t.same(x.le(1).toArray(), [0, 0, 1, 0, 1, 0]);
    t.equal(x.gt(3).dtype, 'bool');
    t.same(torch.where(x.gt(3), x, 0).toArray(), [0, 9, 0, 4, 0, 8]);
    t.same(torch.where(x.gt(3), 1, torch.zerosLike(x)).toArray(), [0, 1, 0, 1, 0, 1]);
  });
  t.end();
});

t.test('cat and stack', (t) => {
  torch.tidy(() => {
    const a = torch.tensor([[1, 2]]);
    const b = torch.tensor([[3, 4]]);
    t.same(torch.cat([a, b]).shape, [2, 2]);
    t.same(torch.cat([a, b], 1).toArray(), [1, 2, 3, 4]);
    t.same(torch.stack([a, b], 0).shape, [2, 1, 2]);
    t.throws(() => torch.cat([]), /at least one tensor/);
  });
  t.end();
});

t.test('random numbers are seedable and have the right distribution', (t) => {
  torch.tidy(() => {
    torch.manualSeed(123);
    const a = torch.rand([1000]).toArray();
    torch.manualSeed(123);
    t.same(torch.rand([1000]).toArray(), a, 'manualSeed replays the global stream');
    t.ok(a.every((v) => v >= 0 && v < 1));
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    t.ok(Math.abs(mean - 0.5) < 0.05, `uniform mean ${mean} near 0.5`);

    const n = torch.randn([20000], { generator: new torch.Generator(7) });
    t.ok(Math.abs(n.mean().item()) < 0.05, 'normal mean near 0');
    t.ok(Math.abs(n.pow(2).mean().item() - 1) < 0.05, 'normal variance near 1');
    torch.rand([10]);
    t.same(torch.randn([20000], { generator: new torch.Generator(7) }).toArray(), n.toArray(), 'a generator is a private, reproducible stream');
    t.notSame(torch.randn([5], { generator: new torch.Generator(8) }).toArray(), n.slice(0, 0, 5).toArray(), 'another seed, another stream');

    const u = torch.uniform([5000], -3, -1, { generator: new torch.Generator(2), dtype: 'float64' });
    t.ok(u.ge(-3).toArray().every(Boolean) && u.lt(-1).toArray().every(Boolean), 'uniform stays in [low, high)');
    t.ok(Math.abs(u.mean().item() + 2) < 0.05, 'uniform mean near the middle');
    const g = torch.normal([20000], 5, 0.5, { generator: new torch.Generator(2) });
    t.ok(Math.abs(g.mean().item() - 5) < 0.02 && Math.abs(g.sub(5).pow(2).mean().sqrt().item() - 0.5) < 0.02, 'normal mean 5, std 0.5');

    const ints = torch.randint(3, 7, [2000], { generator: new torch.Generator(1) });
    t.equal(ints.dtype, 'int64');
    t.same([ints.min().item(), ints.max().item()], [3, 6], 'randint covers [low, high)');

    const probs = torch.tensor([[0, 1, 0], [0.5, 0, 0.5]]);
    const draws = torch.multinomial(probs, 400, { replacement: true, generator: new torch.Generator(3) });
    t.same(draws.shape, [2, 400]);
    t.ok(draws.select(0, 0).eq(1).toArray().every((v) => v === 1), 'a certain category is always drawn');
    const ones = draws.select(0, 1).eq(0).sum().item();
    t.ok(draws.select(0, 1).eq(1).sum().item() === 0 && ones > 150 && ones < 250, `zero-weight category never drawn, halves split (${ones}/400)`);
    t.throws(() => torch.randint(5, 5, [1]), /low < high/);
  });
  t.end();
});
