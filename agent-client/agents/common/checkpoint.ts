// A checkpoint is a directory with `agent.safetensors` (networks, optimiser state, replay) and `agent.json`
// (kind, env, seed, config, counters). Both are written to temporary names and renamed, so an interrupted save
// leaves the previous checkpoint whole.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as torch from '../../torch/index.js';
import type { Agent, Json } from './agent.js';

// Format 2: optimiser state is the engine's stateDict(), and replay keeps its per-transition values as tensors.
const FORMAT = 2;

export interface CheckpointMeta {
  format: typeof FORMAT;
  kind: string;
  envId: string;
  seed: number;
  config: object;
  /** Training progress the loop keeps (episodes, wall time…). */
  progress: Record<string, number>;
  state: Json;
}

export async function saveCheckpoint(dir: string, agent: Agent, meta: Omit<CheckpointMeta, 'format' | 'kind' | 'config' | 'state'>): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Serialising inside tidy() frees the temporary views the agent made of its state.
  const { bytes, state } = torch.tidy(() => {
    const c = agent.checkpoint();
    return { bytes: torch.serialize(c.tensors, { kind: agent.kind, envId: meta.envId }), state: c.state };
  });
  const json: CheckpointMeta = { format: FORMAT, kind: agent.kind, config: agent.config, state, ...meta };
  await writeFile(join(dir, 'agent.safetensors.tmp'), bytes);
  await writeFile(join(dir, 'agent.json.tmp'), JSON.stringify(json, null, 1));
  await rename(join(dir, 'agent.safetensors.tmp'), join(dir, 'agent.safetensors'));
  await rename(join(dir, 'agent.json.tmp'), join(dir, 'agent.json'));
}

export async function readCheckpoint(dir: string, device: torch.Device): Promise<{ meta: CheckpointMeta; tensors: Record<string, torch.Tensor> }> {
  let meta: CheckpointMeta;
  try {
    meta = JSON.parse(await readFile(join(dir, 'agent.json'), 'utf8'));
  } catch (e) {
    throw new Error(`no readable checkpoint in '${dir}' (expected agent.json and agent.safetensors there): ${(e as Error).message}`);
  }
  if (meta.format !== FORMAT) throw new Error(`checkpoint '${dir}' has format ${meta.format}; this version reads format ${FORMAT}`);
  const tensors = await torch.load(join(dir, 'agent.safetensors'), { device });
  for (const t of Object.values(tensors)) torch.keep(t);
  return { meta, tensors };
}

export function required(tensors: Record<string, torch.Tensor>, name: string): torch.Tensor {
  const t = tensors[name];
  if (!t) throw new Error(`checkpoint lacks tensor '${name}' (it has ${Object.keys(tensors).length} others, e.g. ${Object.keys(tensors).slice(0, 5).join(', ')})`);
  return t;
}

/** The entries under `prefix`, with the prefix removed (a module's state dict inside an agent's tensors). */
export function withPrefix(tensors: Record<string, torch.Tensor>, prefix: string): Record<string, torch.Tensor> {
  return Object.fromEntries(Object.entries(tensors).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

/** A module's or an optimiser's state dict with names under `prefix`. */
export function prefixed(owner: { stateDict(): Record<string, torch.Tensor> }, prefix: string): Record<string, torch.Tensor> {
  return Object.fromEntries(Object.entries(owner.stateDict()).map(([k, v]) => [prefix + k, v]));
}
