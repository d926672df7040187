// The classic env ids this server offers. Time limits are not applied here: the server's registry wraps each env
// in a TimeLimit of `info.maxEpisodeSteps`.

import type { Registration } from '../../registry.js';
import { cartPoleInfo, makeCartPole } from './cartpole.js';
import { frozenLake8x8Info, frozenLakeInfo, makeFrozenLake, makeFrozenLake8x8 } from './frozen-lake.js';
import { makePlatform, platformInfo } from './platform.js';
import { makeStochasticDecisionProcess, stochasticDecisionProcessInfo } from './stochastic-decision-process.js';

export const classicEnvs: readonly Registration[] = [
  { info: cartPoleInfo, factory: makeCartPole },
  { info: frozenLakeInfo, factory: makeFrozenLake },
  { info: frozenLake8x8Info, factory: makeFrozenLake8x8 },
  { info: platformInfo, factory: makePlatform },
  { info: stochasticDecisionProcessInfo, factory: makeStochasticDecisionProcess },
];
