// Shared by the agent tests: a real server with the classic envs and the frame test env, and helpers to compare
// agents after a checkpoint round trip.

import type { Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as torch from '../../agent-client/torch/index.js';
import { classicEnvs } from '../../env-server/envs/classic/registry.js';
import { startServer } from '../support/server.js';
import { BARS_ENV } from './image-env.js';
import type { Agent, EnvSpaces } from '../../agent-client/agents/common/agent.js';
import type { RemoteEnv } from '../../agent-client/client.js';
import { readCheckpoint, saveCheckpoint } from '../../agent-client/agents/common/checkpoint.js';
import { createAgent } from '../../agent-client/agents/registry.js';

export async function agentServer(t: Test) {
  return startServer(t, [...classicEnvs, BARS_ENV]);
}

export function spacesOf(env: RemoteEnv): EnvSpaces {
  return { envId: env.spec.id, observationSpace: env.observationSpace, actionSpace: env.actionSpace };
}

export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-agent-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Saves `agent` to disk and builds a fresh agent of the same kind from the files. */
export async function roundTrip(t: Test, agent: Agent, spaces: EnvSpaces): Promise<Agent> {
  const dir = tempDir(t);
  await saveCheckpoint(dir, agent, { envId: spaces.envId, seed: 99, progress: { episodes: 0 } });
  const { meta, tensors } = await readCheckpoint(dir, 'cpu');
  const copy = createAgent(meta.kind, spaces, { seed: 12345, device: 'cpu', config: meta.config });
  copy.restore({ tensors, state: meta.state });
  return copy;
}

/** Every tensor of the agents' checkpoints, byte for byte (networks, optimiser state, replay). */
export function sameTensors(t: Test, a: Agent, b: Agent, what: string): void {
  torch.tidy(() => {
    const ta = a.checkpoint().tensors;
    const tb = b.checkpoint().tensors;
    t.same(Object.keys(tb).sort(), Object.keys(ta).sort(), `${what}: same tensor names`);
    const differing = Object.keys(ta).filter((k) => !tb[k] || Buffer.compare(Buffer.from(ta[k].data().buffer), Buffer.from(tb[k].data().buffer)) !== 0);
    t.same(differing, [], `${what}: identical tensors`);
  });
}

/**
 * Steps `env` with `a` exploring and learning, feeding `b` the same observations and outcomes, and checks that `b`
 * picks the same action every step (the two must be in the same state).
 */
export async function lockstep(t: Test, env: RemoteEnv, a: Agent, b: Agent, steps: number, seed: number): Promise<void> {
  let obs = (await env.reset({ seed })).obs;
  a.begin(obs, true);
  b.begin(obs, true);
  let mismatches = 0;
  for (let i = 0; i < steps; i++) {
    const action = a.act(obs, true);
    if (JSON.stringify(b.act(obs, true), replacer) !== JSON.stringify(action, replacer)) mismatches++;
    const r = await env.step(action);
    const outcome = { action, reward: r.reward, nextObs: r.obs, terminated: r.terminated, truncated: r.truncated };
    a.observe(outcome, true);
    b.observe(outcome, true);
    obs = r.obs;
    if (r.terminated || r.truncated) {
      obs = (await env.reset()).obs;
      a.begin(obs, true);
      b.begin(obs, true);
    }
  }
  t.equal(mismatches, 0, `the restored agent takes the same ${steps} actions`);
}

function replacer(_k: string, v: unknown) {
  return ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v;
}
