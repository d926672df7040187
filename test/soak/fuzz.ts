// A protocol fuzzer: sends every RPC random bytes, mutated encodings of valid requests, and well-formed requests
// with random actions (dtype, shape and bytes drawn at random), through a generic grpc-js client whose serializers
// pass bytes through untouched. Every request must get a status back within its deadline, no request may make the
// server fail internally, and a bystander session and the health service must keep working throughout.
//
// `node dist/test/soak/fuzz.js [seconds] [address]` fuzzes a running server (loopback only) or, without an
// address, one it starts itself; the soak run and fuzz.test.ts call `fuzz` directly.

import { Client, Metadata, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { packageDefinition } from '../../proto/load.js';
import { Xoshiro128 } from '../../proto/rng.js';
import { isLoopback } from '../../env-server/security/tls.js';
import { Stadium } from '../../agent-client/client.js';
import { check, healthClient } from '../net/health.js';

const DEFS = packageDefinition['stadium.v1.Environments'] as unknown as Record<string, { path: string; requestSerialize(o: unknown): Buffer; responseDeserialize(b: Buffer): unknown }>;
const UNARY = ['ListEnvs', 'Make', 'Reset', 'Step', 'Render', 'Close'];
const identity = (b: Buffer) => b;
const DTYPES = ['UINT8', 'INT8', 'UINT16', 'INT16', 'UINT32', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOL', 'DTYPE_UNSPECIFIED'];
const ENV_IDS = ['CartPole-v1', 'FrozenLake-v1', 'Platform-v0', 'StochasticDecisionProcess-v0', 'NoSuchEnv-v0', ''];

export interface FuzzReport {
  requests: number;
  byCode: Record<string, number>;
  /** Requests answered INTERNAL/UNKNOWN, or not answered in time, or health/bystander failures. */
  failures: string[];
  seconds: number;
}

class Gen {
  constructor(readonly rng: Xoshiro128) {}
  int(n: number): number {
    return Math.floor(this.rng.random() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }
  tensor(): unknown {
    const rank = this.int(4);
    const shape = Array.from({ length: rank }, () => this.pick([0, 1, 2, 3, 4, 7, 4096, 0xffffffff]));
    const elems = Math.min(256, shape.reduce((a, b) => a * b, 1));
    return { dtype: this.pick(DTYPES), shape, data: this.bytes(this.pick([0, 1, elems, elems * 4, elems * 8, this.int(64)])) };
  }
  value(depth = 0): unknown {
    const k = depth > 2 ? 0 : this.int(4);
    if (k === 1) return { tuple: { items: Array.from({ length: this.int(3) }, () => this.value(depth + 1)) } };
    if (k === 2) {
      const n = this.int(3);
      return { dict: { keys: Array.from({ length: this.int(3) }, () => this.pick(['a', 'b', 'obs', ''])), values: Array.from({ length: n }, () => this.value(depth + 1)) } };
    }
    if (k === 3) return {};
    return { tensor: this.tensor() };
  }
  struct(): unknown {
    const v = () => this.pick([{ numberValue: this.rng.random() * 1e6 - 5e5 }, { stringValue: this.pick(['x', '/etc/passwd', '..', 'pong', '🎮']) }, { boolValue: true }, { nullValue: 'NULL_VALUE' }, { listValue: { values: [] } }]);
    return { fields: Object.fromEntries(Array.from({ length: this.int(3) }, () => [this.pick(['length', 'is_slippery', 'map_name', 'x', '']), v()])) };
  }
  /** A well-formed request of `rpc`, with random contents, for a session id from `ids`. */
  request(rpc: string, ids: string[]): unknown {
    const sessionId = this.pick([...ids, ...ids, '', 'not-a-session', 'x'.repeat(300)]);
    switch (rpc) {
      case 'Make':
        return { envId: this.pick(ENV_IDS), kwargs: this.struct(), numEnvs: this.pick([0, 1, 2, 3, 5000, 0xffffffff]), maxEpisodeSteps: this.pick([0, 1, 10, 0xffffffff]), renderMode: this.pick(['', 'rgb_array', 'human']) };
      case 'Reset':
        return { sessionId, seed: this.pick([undefined, 0, 1, 2 ** 53, 2 ** 62]), options: this.pick([undefined, this.struct()]) };
      case 'Step':
        return { sessionId, action: this.pick([undefined, this.value(), { tensor: { dtype: 'INT64', shape: [], data: this.bytes(8) } }]) };
      case 'Render':
        return { sessionId, index: this.pick([0, 1, 2, 0xffffffff]) };
      case 'Close':
        return { sessionId };
      default:
        return {};
    }
  }
  /** Flips, drops, inserts or truncates bytes of a valid encoding. */
  mutate(b: Buffer): Buffer {
    const out = Buffer.from(b);
    switch (this.int(4)) {
      case 0:
        for (let i = 0; i < 1 + this.int(4) && out.length; i++) out[this.int(out.length)] ^= 1 << this.int(8);
        return out;
      case 1:
        return out.subarray(0, this.int(out.length + 1));
      case 2: {
        const at = this.int(out.length + 1);
        return Buffer.concat([out.subarray(0, at), this.bytes(1 + this.int(8)), out.subarray(at)]);
      }
      default:
        return Buffer.concat([out, out.subarray(this.int(out.length + 1))]);
    }
  }
}

function unary(client: Client, path: string, body: Buffer, md: Metadata): Promise<{ code: number; details: string; res?: Buffer }> {
  return new Promise((resolve) =>
    client.makeUnaryRequest(path, identity, identity, body, md, { deadline: Date.now() + 10_000 }, (err: ServiceError | null, res?: Buffer) =>
      resolve(err ? { code: err.code, details: err.details } : { code: status.OK, details: '', res }),
    ),
  );
}

/** Sends the messages on one Session stream; resolves with the stream's status and how many responses came. */
function stream(client: Client, path: string, msgs: Buffer[], md: Metadata): Promise<{ code: number; details: string; responses: number }> {
  return new Promise((resolve) => {
    const call = client.makeBidiStreamRequest(path, identity, identity, md, { deadline: Date.now() + 10_000 });
    let responses = 0;
    call.on('data', () => responses++);
    call.on('status', (s) => resolve({ code: s.code, details: s.details, responses }));
    call.on('error', () => {});
    for (const m of msgs) call.write(m);
    call.end();
  });
}

export async function fuzz(address: string, seconds: number, seed = 1, authToken?: string): Promise<FuzzReport> {
  const host = address.slice(0, address.lastIndexOf(':')).replace(/^\[|\]$/g, '');
  if (!isLoopback(host)) throw new Error(`the fuzzer only targets loopback servers, not ${address}`);
  const g = new Gen(new Xoshiro128(seed));
  const md = new Metadata();
  if (authToken) md.set('authorization', `Bearer ${authToken}`);
  const client = new Client(address, credentials.createInsecure());
  const health = healthClient(address);
  const stadium = Stadium.connect(address, { authToken });
  const bystander = await stadium.make('CartPole-v1', { transport: 'unary' });
  await bystander.reset({ seed });
  const r: FuzzReport = { requests: 0, byCode: {}, failures: [], seconds };
  const note = (code: number, details: string, what: string) => {
    r.requests++;
    r.byCode[status[code]] = (r.byCode[status[code]] ?? 0) + 1;
    if (code === status.INTERNAL || code === status.UNKNOWN || code === status.DEADLINE_EXCEEDED) r.failures.push(`${what}: ${status[code]} ${details}`);
  };
  const ids: string[] = [];
  const end = Date.now() + seconds * 1000;
  for (let round = 0; Date.now() < end; round++) {
    const batch: Promise<void>[] = [];
    for (let k = 0; k < 16; k++) {
      const rpc = g.pick([...UNARY, 'Session']);
      const kind = g.int(3);
      if (rpc === 'Session') {
        const msgs = Array.from({ length: 1 + g.int(6) }, () => {
          const sub = g.pick(['make', 'reset', 'step', 'render', 'close']);
          const valid = DEFS.Session.requestSerialize({ [sub]: g.request(sub[0].toUpperCase() + sub.slice(1), ids) });
          return kind === 0 ? g.bytes(g.int(64)) : kind === 1 ? g.mutate(valid) : valid;
        });
        batch.push(
          stream(client, DEFS.Session.path, msgs, md).then((s) => {
            note(s.code, s.details, `Session stream of ${msgs.length} [${msgs.map((m) => m.toString('base64')).join(' ')}]`);
            if (s.code === status.OK && s.responses !== msgs.length) r.failures.push(`Session: ${msgs.length} requests got ${s.responses} responses`);
          }),
        );
      } else {
        const valid = DEFS[rpc].requestSerialize(g.request(rpc, ids));
        const body = kind === 0 ? g.bytes(g.int(128)) : kind === 1 ? g.mutate(valid) : valid;
        batch.push(
          unary(client, DEFS[rpc].path, body, md).then((s) => {
            note(s.code, s.details, `${rpc} (${['random', 'mutated', 'well-formed'][kind]}) [${body.toString('base64')}]`);
            if (rpc === 'Make' && s.res) {
              const made = DEFS.Make.responseDeserialize(s.res) as { sessionId: string };
              ids.push(made.sessionId);
              if (ids.length > 32) ids.shift();
            }
          }),
        );
      }
    }
    await Promise.all(batch);
    if (round % 20 === 0) {
      const h = await check(health);
      if (h !== 'SERVING') r.failures.push(`health said ${h} during fuzzing`);
      try {
        const s = await bystander.step(round % 2);
        if (s.terminated || s.truncated) await bystander.reset();
      } catch (e) {
        r.failures.push(`the bystander session failed: ${(e as Error).message}`);
      }
    }
  }
  // Sessions the fuzzer made are left to the idle timeout, as a careless client's would be.
  client.close();
  health.close();
  await bystander.close();
  stadium.close();
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.argv[2] ?? 60);
  let address = process.argv[3];
  let stop = async () => {};
  if (!address) {
    const { spawnServer } = await import('../support/spawn-server.js');
    const s = await spawnServer(['--port', '0']);
    address = `127.0.0.1:${s.port}`;
    stop = async () => void (await s.kill('SIGTERM'));
  }
  const r = await fuzz(address, seconds);
  await stop();
  console.log(JSON.stringify(r, null, 2));
  process.exit(r.failures.length ? 1 : 0);
}
