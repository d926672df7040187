// Loads stadium.v1 once for both the server and the client, with the conversions our codec expects:
// camelCase fields, int64 as JS numbers, enums as their names, oneofs named by a `kind`/`payload` field.

import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';
import { loadPackageDefinition, type GrpcObject, type ServiceClientConstructor, type MethodDefinition } from '@grpc/grpc-js';
import { decodeStepRequest, decodeStepResponse, encodeStepRequest, encodeStepResponse } from './fast-codec.js';

export const PROTO_PATH = fileURLToPath(new URL('../../proto/stadium/v1/stadium.proto', import.meta.url));
export const SERVICE_NAME = 'stadium.v1.Environments';

export const packageDefinition = protoLoader.loadSync(PROTO_PATH, {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: false,
  arrays: true,
  oneofs: true,
});

useFastStepCodec(packageDefinition[SERVICE_NAME] as unknown as Record<string, MethodDefinition<unknown, unknown>>);

/** Routes step messages (unary Step, and step payloads on the Session stream) through the hand-written codec. */
function useFastStepCodec(methods: Record<string, MethodDefinition<unknown, unknown>>): void {
  const patch = (m: MethodDefinition<unknown, unknown>, outerReq: number, outerRes: number) => {
    const { requestSerialize, requestDeserialize, responseSerialize, responseDeserialize } = m;
    const isStep = (o: unknown) => !outerReq || (o as { step?: unknown }).step != null;
    m.requestSerialize = (o) => (isStep(o) ? encodeStepRequest(outerReq ? (o as { step: never }).step : (o as never), outerReq) : requestSerialize(o));
    m.requestDeserialize = (b) => decodeStepRequest(b, outerReq) ?? requestDeserialize(b);
    m.responseSerialize = (o) => (isStep(o) ? encodeStepResponse(outerRes ? (o as { step: never }).step : (o as never), outerRes) : responseSerialize(o));
    m.responseDeserialize = (b) => decodeStepResponse(b, outerRes) ?? responseDeserialize(b);
  };
  patch(methods.Step, 0, 0);
  patch(methods.Session, 3, 4);
}

const pkg = loadPackageDefinition(packageDefinition) as unknown as { stadium: { v1: GrpcObject & { Environments: ServiceClientConstructor } } };
export const EnvironmentsService = pkg.stadium.v1.Environments;

/** google.protobuf.Struct / Value as proto-loader presents them, to and from plain JSON. */
type StructMsg = { fields?: Record<string, ProtoValue> };
type ProtoValue = {
  nullValue?: string;
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  structValue?: StructMsg;
  listValue?: { values?: ProtoValue[] };
  kind?: string;
};

export function structToJson(s: StructMsg | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s?.fields ?? {})) out[k] = protoValueToJson(v);
  return out;
}

export function protoValueToJson(v: ProtoValue | null | undefined): unknown {
  if (!v) return null;
  if (v.structValue) return structToJson(v.structValue);
  if (v.listValue) return (v.listValue.values ?? []).map(protoValueToJson);
  if (v.stringValue !== undefined && v.stringValue !== null) return v.stringValue;
  if (v.numberValue !== undefined && v.numberValue !== null) return v.numberValue;
  if (v.boolValue !== undefined && v.boolValue !== null) return v.boolValue;
  return null;
}

export function jsonToStruct(o: Record<string, unknown>): StructMsg {
  return { fields: Object.fromEntries(Object.entries(o).map(([k, v]) => [k, jsonToProtoValue(v)])) };
}

export function jsonToProtoValue(v: unknown): ProtoValue {
  if (v === null || v === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(jsonToProtoValue) } };
  if (typeof v === 'object') return { structValue: jsonToStruct(v as Record<string, unknown>) };
  throw new TypeError(`cannot send ${typeof v} as a protobuf Value`);
}
