// Assertions shared by the server, network and soak tests.

import type { Test } from 'tap';
import { status } from '@grpc/grpc-js';
import { StadiumError } from '../../agent-client/client.js';

/** Asserts that `p` fails with a StadiumError of `code` whose message matches `pattern`. */
export async function rejectsWith(t: Test, p: Promise<unknown>, code: status, pattern: RegExp, what: string): Promise<void> {
  try {
    await p;
    t.fail(`${what}: expected ${status[code]}, but the request succeeded`);
  } catch (e) {
    t.ok(e instanceof StadiumError, `${what}: a StadiumError`);
    t.equal((e as StadiumError).code, code, `${what}: ${status[code]} (got ${status[(e as StadiumError).code]}: ${(e as Error).message})`);
    t.match((e as Error).message, pattern, `${what}: message says what was wrong`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 10 ms until it holds or `ms` pass; returns whether it held. */
export async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await sleep(10);
  }
  return true;
}
