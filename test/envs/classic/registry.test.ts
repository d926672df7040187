import t from 'tap';
import { Xoshiro128 } from '../../../proto/rng.js';
import { InvalidOption } from '../../../env-server/envs/env.js';
import { classicEnvs } from '../../../env-server/envs/classic/registry.js';

t.test('the registry lists every classic id with its reference step limit', async (t) => {
  const limits = Object.fromEntries(classicEnvs.map((e) => [e.info.id, e.info.maxEpisodeSteps]));
  t.same(limits, {
    'CartPole-v1': 500,
    'FrozenLake-v1': 100,
    'FrozenLake8x8-v1': 200,
    'Platform-v0': 200,
    'StochasticDecisionProcess-v0': undefined,
  });
});

t.test('every env built with defaults stays inside its declared spaces', async (t) => {
  for (const { info, factory } of classicEnvs) {
    const rng = new Xoshiro128(99);
    const env = factory({}, rng);
    let { obs } = env.reset(5);
    t.equal(env.observationSpace.check(obs), null, `${info.id} reset observation is in ${env.observationSpace}`);
    let outside: string | null = null;
    for (let i = 0; i < 300 && !outside; i++) {
      const r = env.step(env.actionSpace.sample(rng));
      obs = r.obs;
      outside = env.observationSpace.check(obs);
      if (r.terminated) env.reset();
    }
    t.equal(outside, null, `${info.id} observations over 300 random steps are in ${env.observationSpace}`);
  }
});

t.test('every factory refuses an unknown option with InvalidOption', async (t) => {
  for (const { info, factory } of classicEnvs) {
    t.throws(() => factory({ no_such_option: 1 }), InvalidOption, info.id);
  }
});

t.test('defaults declared in EnvInfo are accepted as explicit options', async (t) => {
  for (const { info, factory } of classicEnvs) {
    const kwargs = Object.fromEntries(Object.entries(info.kwargs).map(([k, v]) => [k, v.default]));
    t.doesNotThrow(() => factory(kwargs), `${info.id} with ${JSON.stringify(kwargs)}`);
  }
});
