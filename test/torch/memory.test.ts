// Native memory: tidy() scopes free what they do not return, the N-API finaliser frees forgotten tensors, and a
// training loop holds libtorch's memory, the live handle count and the RSS flat.
import t from 'tap';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as torch from '../../agent-client/torch/index.js';

const { nn, optim } = torch;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// N-API finalisers run after the collection that found their objects, in later turns of the event loop, and a
// loaded machine can spread them over many turns: collect until the live handle count has stopped falling.
async function collectGarbage(): Promise<void> {
  let stable = 0;
  for (let i = 0; i < 50 && stable < 3; i++) {
    const handles = torch.memoryStats().handles;
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    stable = torch.memoryStats().handles === handles ? stable + 1 : 0;
  }
}

t.test('tidy disposes what it does not return', (t) => {
  let inner: torch.Tensor | undefined;
  let kept: torch.Tensor | undefined;
  const { a, list } = torch.tidy(() => {
    inner = torch.ones([4]).mul(2);
    kept = torch.keep(torch.ones([1]));
    const nested = torch.tidy(() => {
      torch.zeros([3]);
      return torch.ones([2]);
    });
    return { a: inner.add(1), list: [nested, 5] as const };
  });
  t.ok(inner!.isDisposed, 'an intermediate is freed');
  t.notOk(a.isDisposed, 'a returned tensor survives');
  t.notOk(list[0].isDisposed, 'a tensor returned through a nested scope and an array survives');
  t.notOk(kept!.isDisposed, 'a kept tensor survives');
  t.same(a.toArray(), [3, 3, 3, 3]);

  let leaked: torch.Tensor | undefined;
  t.throws(() =>
    torch.tidy(() => {
      leaked = torch.ones([2]);
      throw new Error('boom');
    }),
  );
  t.ok(leaked!.isDisposed, 'a throwing callback still frees its tensors');
  t.throws(() => torch.tidy(async () => 1), /cannot wrap an async function/);

  const outer = torch.tidy(() => {
    const survivor = torch.tidy(() => torch.ones([1]));
    t.notOk(survivor.isDisposed);
    return 0;
  });
  t.equal(outer, 0);
  for (const x of [a, list[0], kept!]) x.dispose();
  t.end();
});

t.test('the finaliser frees tensors nobody disposed', async (t) => {
  await collectGarbage();
  const before = torch.memoryStats();
  (() => {
    for (let i = 0; i < 2000; i++) torch.zeros([256]);
  })();
  t.ok(torch.memoryStats().handles >= before.handles + 2000, 'undisposed tensors are alive');
  await collectGarbage();
  const after = torch.memoryStats();
  t.ok(after.handles <= before.handles + 10, `handles back near ${before.handles} (now ${after.handles})`);
  t.ok(after.cpuBytes <= before.cpuBytes + 10 * 1024, `libtorch bytes back near ${before.cpuBytes} (now ${after.cpuBytes})`);
});

t.test('a training loop does not grow', async (t) => {
  torch.manualSeed(0);
  const online = new nn.Sequential(new nn.Conv2d(2, 4, 3, { stride: 2 }), new nn.ReLU(), new nn.Flatten(), new nn.Linear(36, 32), new nn.ReLU(), new nn.Linear(32, 3));
  const target = new nn.Sequential(new nn.Conv2d(2, 4, 3, { stride: 2 }), new nn.ReLU(), new nn.Flatten(), new nn.Linear(36, 32), new nn.ReLU(), new nn.Linear(32, 3));
  const opt = new optim.Adam(online.parameters(), { lr: 1e-3 });
  const frames = new Uint8Array(8 * 2 * 7 * 7);
  const step = (i: number) =>
    torch.tidy(() => {
      frames.fill(i % 251);
      const obs = torch.tensor(frames, { shape: [8, 2, 7, 7] }).float().div(255);
      const actions = torch.randint(0, 3, [8, 1]);
      const next = torch.noGrad(() => target.forward(obs).max(1).values.unsqueeze(1));
      const q = online.forward(obs).gather(1, actions);
      const loss = nn.huberLoss(q, next.mul(0.99).add(1));
      opt.zeroGrad();
      loss.backward();
      optim.clipGradNorm(online.parameters(), 10);
      opt.step();
      if (i % 100 === 0) target.copyFrom(online);
      return loss.item();
    });

  for (let i = 0; i < 300; i++) step(i);
  await collectGarbage();
  const before = torch.memoryStats();
  const rssBefore = process.memoryUsage().rss;
  for (let i = 300; i < 5300; i++) step(i);
  await collectGarbage();
  const after = torch.memoryStats();
  const rssGrowth = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  t.equal(after.handles, before.handles, `live tensor handles stay at ${before.handles} over 5000 steps`);
  t.equal(after.cpuBytes, before.cpuBytes, `libtorch CPU bytes stay at ${before.cpuBytes}`);
  t.ok(rssGrowth < 8, `RSS grew ${rssGrowth.toFixed(1)} MiB over 5000 steps`);
  for (const d of [online, target, opt]) d.dispose();
});
