// A vector env spread over several servers: `numEnvs` copies split into shards, each shard one vector session
// made through a Stadium whose target names many servers (grpc-js round_robin places each shard), all shards
// stepped concurrently and presented as one vector env with the same interface as RemoteVectorEnv.
//
// A lost server: by default its shard's UNAVAILABLE error (naming the server) fails the step. With
// `recreateLost` the shard is made again on a server still up and the run goes on; its copies report that step
// as truncated (observation: the new episode's first), and the next step is their autoreset step (reward 0, the
// same observation), exactly as Gymnasium's NEXT_STEP autoreset presents a truncation.

import { status } from '@grpc/grpc-js';
import { type BatchNative, copySeed, fromBatchNative, stack, toBatchNative, unstack } from '../proto/batch.js';
import type { Native, Space } from '../proto/spaces.js';
import { BatchSpace, type EnvSpec, type Info, type MakeOptions, type RemoteVectorEnv, type Stadium, StadiumError } from './client.js';

export interface MultiVectorOptions extends MakeOptions {
  /** Sessions the copies are split into (default: one per listed server; give it for a DNS name); each holds at least 2 copies. */
  shards?: number;
  /** Re-create a lost server's copies on another server and go on, instead of failing the step. */
  recreateLost?: boolean;
  /** Tries at making a replacement before giving up (default 5). */
  recreateAttempts?: number;
}

export interface Loss {
  shard: number;
  server: string;
  error: StadiumError;
  /** The server the copies were re-created on. */
  replacement: string;
}

interface Shard {
  env: RemoteVectorEnv;
  /** Index of its first copy in the whole vector. */
  offset: number;
  size: number;
  /** Set after a re-creation: the reset the next step reports instead of stepping. */
  autoreset: { obs: Native[]; infos: Info[] } | null;
}

export interface VectorStep {
  obs: BatchNative;
  rewards: Float64Array;
  terminated: boolean[];
  truncated: boolean[];
  infos: Info[];
}

/** What a vector env on one server (RemoteVectorEnv) and one spread over many (MultiVectorEnv) both offer. */
export interface VectorEnv {
  readonly numEnvs: number;
  readonly spec: EnvSpec;
  readonly actionSpace: BatchSpace;
  readonly singleObservationSpace: Space;
  readonly singleActionSpace: Space;
  reset(opts?: { seed?: number; options?: Record<string, unknown> }): Promise<{ obs: BatchNative; infos: Info[] }>;
  step(actions: BatchNative): Promise<VectorStep>;
  close(): Promise<void>;
}

export class MultiVectorEnv implements VectorEnv {
  readonly actionSpace: BatchSpace;
  /** Every server lost so far and where its copies went. */
  readonly losses: Loss[] = [];

  private constructor(
    private readonly stadium: Stadium,
    private readonly opts: MultiVectorOptions,
    private readonly shards: Shard[],
    readonly spec: EnvSpec,
    readonly numEnvs: number,
  ) {
    this.actionSpace = new BatchSpace(spec.actionSpace, numEnvs);
  }

  static async make(stadium: Stadium, envId: string, numEnvs: number, opts: MultiVectorOptions = {}): Promise<MultiVectorEnv> {
    const k = opts.shards ?? Math.max(1, Math.min(stadium.serverCount, Math.floor(numEnvs / 2)));
    if (!Number.isInteger(k) || k < 1 || k * 2 > numEnvs) {
      throw new RangeError(`shards must be an integer in [1, numEnvs / 2] (each shard is a vector session of at least 2 copies); got ${k} for ${numEnvs} copies`);
    }
    const sizes = Array.from({ length: k }, (_, j) => Math.floor(numEnvs / k) + (j < numEnvs % k ? 1 : 0));
    const shards: Shard[] = [];
    try {
      let offset = 0;
      for (const size of sizes) {
        shards.push({ env: await stadium.makeVec(envId, size, opts), offset, size, autoreset: null });
        offset += size;
      }
    } catch (e) {
      await Promise.allSettled(shards.map((s) => s.env.close()));
      throw e;
    }
    return new MultiVectorEnv(stadium, opts, shards, shards[0].env.spec, numEnvs);
  }

  get singleObservationSpace(): Space {
    return this.spec.observationSpace;
  }
  get singleActionSpace(): Space {
    return this.spec.actionSpace;
  }
  /** The server holding each shard. */
  get servers(): string[] {
    return this.shards.map((s) => s.env.server);
  }

  /** Resets every copy; copy i is seeded with seed + i, as in one vector session. */
  async reset(opts: { seed?: number; options?: Record<string, unknown> } = {}): Promise<{ obs: BatchNative; infos: Info[] }> {
    const shardOpts = (s: Shard) => ({ ...opts, seed: copySeed(opts.seed, s.offset) });
    const resetShard = async (s: Shard) => {
      s.autoreset = null;
      const r = await s.env.reset(shardOpts(s));
      return { obs: this.natives(r.obs, s.size), infos: r.infos };
    };
    const parts = await this.onEveryShard(resetShard, resetShard);
    return { obs: this.batch(parts.flatMap((p) => p.obs)), infos: parts.flatMap((p) => p.infos) };
  }

  /** Steps every copy, all shards at once. */
  async step(actions: BatchNative): Promise<VectorStep> {
    let all: Native[];
    try {
      all = unstack(this.singleActionSpace, fromBatchNative(this.singleActionSpace, actions, this.numEnvs), this.numEnvs);
    } catch (e) {
      throw new StadiumError(status.INVALID_ARGUMENT, `bad actions for ${this.spec.id}: ${(e as Error).message}`);
    }
    const parts = await this.onEveryShard(
      async (s) => {
        if (s.autoreset) {
          const { obs, infos } = s.autoreset;
          s.autoreset = null;
          return { obs, rewards: new Array<number>(s.size).fill(0), terminated: falses(s.size), truncated: falses(s.size), infos };
        }
        const mine = all.slice(s.offset, s.offset + s.size);
        const r = await s.env.step(toBatchNative(this.singleActionSpace, stack(this.singleActionSpace, mine), s.size));
        return { obs: this.natives(r.obs, s.size), rewards: Array.from(r.rewards), terminated: r.terminated, truncated: r.truncated, infos: r.infos };
      },
      async (s) => {
        const r = await s.env.reset();
        const obs = this.natives(r.obs, s.size);
        s.autoreset = { obs, infos: r.infos };
        return { obs, rewards: new Array<number>(s.size).fill(0), terminated: falses(s.size), truncated: new Array<boolean>(s.size).fill(true), infos: r.infos.map((i) => ({ ...i, lost: true })) };
      },
    );
    return {
      obs: this.batch(parts.flatMap((p) => p.obs)),
      rewards: Float64Array.from(parts.flatMap((p) => p.rewards)),
      terminated: parts.flatMap((p) => p.terminated),
      truncated: parts.flatMap((p) => p.truncated),
      infos: parts.flatMap((p) => p.infos),
    };
  }

  /** Closes every shard's session; safe to call twice. */
  async close(): Promise<void> {
    await Promise.allSettled(this.shards.map((s) => s.env.close()));
  }

  /**
   * Runs `work` on every shard concurrently. A shard whose server is gone is re-created (when allowed) and
   * `afterLoss` gives its part of the answer; any other failure, or a loss not to be recovered, is thrown.
   */
  private async onEveryShard<T>(work: (s: Shard) => Promise<T>, afterLoss: (s: Shard) => Promise<T>): Promise<T[]> {
    const results = await Promise.allSettled(this.shards.map((s) => work(s)));
    const out: T[] = [];
    for (let j = 0; j < results.length; j++) {
      const r = results[j];
      if (r.status === 'fulfilled') {
        out.push(r.value);
        continue;
      }
      const e = r.reason;
      if (!(e instanceof StadiumError) || e.code !== status.UNAVAILABLE || !this.opts.recreateLost) throw e;
      await this.recreate(j, e);
      out.push(await afterLoss(this.shards[j]));
    }
    return out;
  }

  private async recreate(j: number, error: StadiumError): Promise<void> {
    const old = this.shards[j];
    const server = old.env.server;
    const attempts = this.opts.recreateAttempts ?? 5;
    let last: unknown = error;
    for (let a = 0; a < attempts; a++) {
      try {
        const env = await this.stadium.makeVec(this.spec.id, old.size, this.opts);
        this.shards[j] = { env, offset: old.offset, size: old.size, autoreset: null };
        this.losses.push({ shard: j, server, error, replacement: env.server });
        old.env.close().catch(() => {});
        return;
      } catch (e) {
        last = e;
        if (!(e instanceof StadiumError) || e.code !== status.UNAVAILABLE) break;
        await new Promise((r) => setTimeout(r, 100 * 2 ** a));
      }
    }
    throw new StadiumError(status.UNAVAILABLE, `lost ${server} (${error.message}) and could not re-create its ${old.size} copies elsewhere: ${(last as Error).message}`);
  }

  private natives(obs: BatchNative, n: number): Native[] {
    const space = this.singleObservationSpace;
    return unstack(space, fromBatchNative(space, obs, n), n);
  }

  private batch(items: Native[]): BatchNative {
    return toBatchNative(this.singleObservationSpace, stack(this.singleObservationSpace, items), items.length);
  }
}

const falses = (n: number) => new Array<boolean>(n).fill(false);
