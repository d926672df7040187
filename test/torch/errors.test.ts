// libtorch failures surface as JS exceptions carrying libtorch's message, and the process carries on.
import t from 'tap';
import * as torch from '../../agent-client/torch/index.js';
import { native, type Handle } from '../../agent-client/torch/native.js';

t.test('shape, dtype and index errors', (t) => {
  torch.tidy(() => {
    const a = torch.zeros([2, 3]);
    t.throws(() => a.matmul(torch.zeros([2, 3])), /mat1 and mat2 shapes cannot be multiplied \(2x3 and 2x3\)/);
    t.throws(() => a.add(torch.zeros([2])), /The size of tensor a \(3\) must match the size of tensor b \(2\)/);
    t.throws(() => a.view(4, 2), /shape '\[4, 2\]' is invalid for input of size 6/);
    t.throws(() => a.matmul(torch.zeros([3, 2], { dtype: 'float64' })), /dtype|scalar type/);
    t.throws(() => a.gather(1, torch.tensor(BigInt64Array.from([5n, 0n]), { shape: [2, 1] })), /out of bounds/);
    t.throws(() => a.select(0, 9), /out of range/);
    t.throws(() => a.item(), /exactly one element, got shape \[2, 3\]/);
    t.throws(() => torch.tensor(new Float32Array(5), { shape: [2, 3] }), /20 bytes but shape \[2, 3\] of float32 needs 24/);
    t.throws(() => torch.tensor([[1, 2], [3]]), /ragged or mismatched data: 3 values for shape \[2,2\]/);
    t.throws(() => torch.zeros([2, -1]), /sizes must be integers >= 0/);
  });
  t.end();
});

t.test('autograd misuse', (t) => {
  torch.tidy(() => {
    const w = torch.tensor([1, 2], { requiresGrad: true });
    t.throws(() => w.mul(2).backward(), /grad can be implicitly created only for scalar outputs/);
    const loss = w.mul(w).sum();
    loss.backward();
    t.throws(() => loss.backward(), /backward through the graph a second time/);
    t.throws(() => torch.tensor([1]).sum().backward(), /does not require grad/);
  });
  t.end();
});

t.test('bad names, devices and freed tensors', (t) => {
  torch.tidy(() => {
    t.throws(() => torch.zeros([1], { dtype: 'float8' as 'float32' }), /unknown dtype 'float8' \(allowed: float32, float64/);
    t.throws(() => torch.zeros([1]).to('tpu' as 'cpu'), /unknown dtype 'tpu'/);
    t.throws(() => torch.zeros([1], { device: 'gpu' as 'cpu' }), /unknown device 'gpu' \(allowed: 'cpu', 'cuda', 'cuda:N', 'auto'\)/);
    t.throws(() => torch.tensor([new Date() as unknown as number]), /tensor data must be numbers or booleans; element 0 is object/);
    const x = torch.ones([2]);
    x.dispose();
    t.ok(x.isDisposed);
    t.throws(() => x.add(1), /tensor was used after dispose\(\)/);
    x.dispose();
    t.pass('disposing twice is harmless');
    t.throws(() => native.neg({} as unknown as Handle), /expected a Tensor/);
    t.throws(() => native.neg(-1 as Handle), /used after dispose/, 'a number that names no tensor is refused');
    t.throws(() => torch.setNumThreads(0), /thread count must be an integer >= 1/);
  });
  t.end();
});

t.test('CUDA errors name the problem', (t) => {
  torch.tidy(() => {
    if (torch.cuda.isAvailable()) {
      const g = torch.zeros([2], { device: 'cuda' });
      t.throws(() => g.add(torch.zeros([2])), /same device/);
      t.throws(() => torch.zeros([1], { device: `cuda:${torch.cuda.deviceCount()}` }), /invalid device ordinal|CUDA/i);
    } else {
      t.equal(torch.resolveDevice('auto'), 'cpu', "'auto' falls back to the CPU");
      t.throws(() => torch.zeros([1], { device: 'cuda' }), /CUDA/);
    }
  });
  t.end();
});

t.test('out of memory is an exception, not a crash', (t) => {
  t.throws(() => torch.zeros([2 ** 26, 2 ** 26]), /can't allocate memory|out of memory|allocate/i);
  t.equal(torch.tidy(() => torch.ones([3]).sum().item()), 3, 'the engine still works afterwards');
  t.end();
});
