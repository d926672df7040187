// Every environment the server hosts by default.

import { Registry } from '../registry.js';
import { classicEnvs } from './classic/registry.js';

export function defaultRegistry(): Registry {
  return new Registry().register(...classicEnvs);
}
