// The hand-written step codec must be indistinguishable from proto-loader's: the same bytes out, the same values
// in (rewards and flags as typed arrays where proto-loader gives plain arrays), and a fallback for everything it
// does not handle.

import t from 'tap';
import * as protoLoader from '@grpc/proto-loader';
import { PROTO_PATH, SERVICE_NAME, packageDefinition } from '../../proto/load.js';
import { valueToProto, valueMapToProto } from '../../proto/codec.js';
import { scalar, tensor } from '../../proto/tensor.js';
import type { MethodDefinition } from '@grpc/grpc-js';

type Methods = Record<string, MethodDefinition<unknown, unknown>>;
const generic = protoLoader.loadSync(PROTO_PATH, { keepCase: false, longs: Number, enums: String, defaults: false, arrays: true, oneofs: true })[SERVICE_NAME] as unknown as Methods;
const fast = packageDefinition[SERVICE_NAME] as unknown as Methods;

const nested = valueToProto([
  tensor('uint8', [2, 3], [1, 2, 3, 4, 5, 6]),
  { pos: tensor('float64', [2], [0.5, -1e300]), flag: scalar('bool', 1) },
  [tensor('int64', [], [-3]), tensor('float32', [0], [])],
]);
const requests = [
  { sessionId: 'b7e3c1e0-0000-4000-8000-000000000001', action: valueToProto(tensor('int64', [], [1])) },
  { sessionId: 'sesión-ü', action: nested },
  { sessionId: 'x', action: valueToProto(tensor('int64', [1024], Array.from({ length: 1024 }, (_, i) => i % 3))) },
  { sessionId: 'no-action' },
];
const responses = [
  { observation: valueToProto(tensor('float32', [4], [0.1, 0.2, 0.3, 0.4])), reward: [1], terminated: [false], truncated: [false], infos: [{ keys: [], values: [] }] },
  { observation: nested, reward: [0.5, -2, 1e-320], terminated: [true, false, true], truncated: [false, true, false], infos: [valueMapToProto({ lives: scalar('float64', 3) }), { keys: [], values: [] }, valueMapToProto({ a: scalar('bool', 0), b: tensor('int32', [2], [7, 8]) })] },
  { observation: valueToProto(tensor('uint8', [84, 84], new Uint8Array(84 * 84).fill(9))), reward: [], terminated: [], truncated: [], infos: [] },
];

/** A decoded step response with its rewards and flags as plain arrays, as proto-loader gives them. */
function plain(m: unknown): unknown {
  if (!m || typeof m !== 'object') return m;
  const o = m as Record<string, unknown>;
  if ('step' in o) return { ...o, step: plain(o.step) };
  if (!('reward' in o)) return m;
  const flags = (a: unknown) => Array.from(a as ArrayLike<number | boolean>, (v) => v === true || v === 1);
  return { ...o, reward: Array.from(o.reward as ArrayLike<number>), terminated: flags(o.terminated), truncated: flags(o.truncated) };
}

t.test('encodes byte for byte like proto-loader and decodes to the same objects', async (t) => {
  for (const [i, m] of requests.entries()) {
    const a = fast.Step.requestSerialize(m);
    const b = generic.Step.requestSerialize(m);
    t.ok(a.equals(b), `StepRequest ${i}: same bytes`);
    t.same(fast.Step.requestDeserialize(b), generic.Step.requestDeserialize(b), `StepRequest ${i}: same object`);
    const sa = fast.Session.requestSerialize({ step: m });
    t.ok(sa.equals(generic.Session.requestSerialize({ step: m })), `SessionRequest(step) ${i}: same bytes`);
    t.same(fast.Session.requestDeserialize(sa), generic.Session.requestDeserialize(sa), `SessionRequest(step) ${i}: same object`);
  }
  for (const [i, m] of responses.entries()) {
    const b = generic.Step.responseSerialize(m);
    t.ok(fast.Step.responseSerialize(m).equals(b), `StepResponse ${i}: same bytes`);
    t.strictSame(plain(fast.Step.responseDeserialize(b)), generic.Step.responseDeserialize(b), `StepResponse ${i}: same object`);
    const sb = generic.Session.responseSerialize({ step: m });
    t.ok(fast.Session.responseSerialize({ step: m }).equals(sb), `SessionResponse(step) ${i}: same bytes`);
    t.strictSame(plain(fast.Session.responseDeserialize(sb)), generic.Session.responseDeserialize(sb), `SessionResponse(step) ${i}: same object`);
  }
});

t.test("the server's typed rows encode as arrays do, and packed fields decode into typed arrays", async (t) => {
  const m = responses[1];
  const typed = { ...m, reward: Float64Array.from(m.reward), terminated: Uint8Array.from(m.terminated, Number), truncated: Uint8Array.from(m.truncated, Number) };
  const b = generic.Step.responseSerialize(m);
  t.ok(fast.Step.responseSerialize(typed).equals(b), 'same bytes from typed arrays');
  const d = fast.Step.responseDeserialize(b) as { reward: unknown; terminated: unknown; truncated: unknown };
  t.ok(d.reward instanceof Float64Array, 'rewards decode to a Float64Array');
  t.strictSame([...(d.reward as Float64Array)], m.reward);
  t.ok(d.terminated instanceof Uint8Array && d.truncated instanceof Uint8Array, 'flags decode to bytes');
  t.strictSame([...(d.terminated as Uint8Array)], [1, 0, 1]);
  t.strictSame([...(d.truncated as Uint8Array)], [0, 1, 0]);
  // A packed bool written as a longer varint (legal, if odd) still reads as true.
  const odd = Buffer.from([0x1a, 0x03, 0x81, 0x00, 0x00]);
  t.strictSame(plain(fast.Step.responseDeserialize(odd)), { reward: [], terminated: [true, false], truncated: [], infos: [] }, 'multi-byte bool varints');
});

t.test('other payloads and unusual encodings fall back to proto-loader', async (t) => {
  const reset = { reset: { sessionId: 'r', seed: 5 } };
  const rb = fast.Session.requestSerialize(reset);
  t.ok(rb.equals(generic.Session.requestSerialize(reset)));
  t.same(fast.Session.requestDeserialize(rb), generic.Session.requestDeserialize(rb));
  const err = { error: { code: 3, message: 'bad' } };
  t.same(fast.Session.responseDeserialize(generic.Session.responseSerialize(err)), { error: { code: 3, message: 'bad' }, payload: 'error' });
  // Unpacked repeated fields (legal proto3 from other encoders): reward as fixed64 field 2, bools as varints.
  const unpacked = Buffer.from([0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x18, 0x01, 0x20, 0x00]);
  t.strictSame(plain(fast.Step.responseDeserialize(unpacked)), generic.Step.responseDeserialize(unpacked), 'unpacked repeated fields decode the same');
  // An unknown field makes the fast decoder step aside; proto-loader skips it.
  const unknown = Buffer.concat([generic.Step.requestSerialize(requests[0]), Buffer.from([0x78, 0x01])]);
  t.same(fast.Step.requestDeserialize(unknown), generic.Step.requestDeserialize(unknown), 'unknown fields decode the same');
});
