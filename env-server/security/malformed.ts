// Requests whose bytes are not a valid message. grpc-js answers a request its deserializer rejects with INTERNAL
// ("Error deserializing request"), which blames the server and, on a Session stream, kills the stream and every
// session on it. Wrapping the deserializers turns such bytes into a Malformed value instead, which the handlers
// answer with INVALID_ARGUMENT saying what could not be decoded; a stream then goes on.

import type { Server, ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { HealthImplementation } from 'grpc-health-check';
import { invalidArgument } from '../errors.js';

export class Malformed {
  constructor(
    readonly type: string,
    readonly why: string,
  ) {}
  error() {
    const proto = this.type.startsWith('stadium.v1.') ? 'proto/stadium/v1/stadium.proto' : 'its .proto file';
    return invalidArgument(`the request is not a valid ${this.type} message (${this.why.slice(0, 200)}); send one encoded from ${proto}`);
  }
}

/** A copy of `service` whose request deserializers return a Malformed value instead of throwing. */
export function tolerateMalformed(service: ServiceDefinition, pkg = 'stadium.v1'): ServiceDefinition {
  const out: Record<string, ServiceDefinition[string]> = {};
  for (const [name, method] of Object.entries(service)) {
    const type = (method as { requestType?: { type?: { name?: string } } }).requestType?.type?.name ?? `${name} request`;
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (e) {
          return new Malformed(`${pkg}.${type}`, (e as Error).message);
        }
      },
    };
  }
  return out;
}

/** Longest service name a health request may name (the NOT_FOUND answer quotes it). */
const MAX_HEALTH_SERVICE = 200;

/**
 * Adds grpc.health.v1 to `server` with the same tolerance: undecodable requests, and service names too long to
 * quote, are answered INVALID_ARGUMENT instead of INTERNAL or an unbounded message.
 */
export function addHealth(server: Server, health: HealthImplementation): void {
  const adder = {
    addService(service: ServiceDefinition, impl: UntypedServiceImplementation) {
      const guarded: UntypedServiceImplementation = {};
      for (const [name, handler] of Object.entries(impl)) {
        guarded[name] = ((call: { request: unknown; emit(e: string, s: unknown): void }, callback?: (e: unknown) => void) => {
          const req = call.request;
          const why = req instanceof Malformed ? req.error().message : tooLong(req);
          if (why === null) return (handler as (...a: unknown[]) => void)(call, callback);
          const status = { code: invalidArgument('').code, details: why };
          if (callback) callback(status);
          else call.emit('error', status);
        }) as never;
      }
      server.addService(tolerateMalformed(service, 'grpc.health.v1'), guarded);
    },
  };
  health.addToServer(adder as unknown as Server);
}

function tooLong(req: unknown): string | null {
  const name = (req as { service?: unknown } | null)?.service;
  if (typeof name === 'string' && name.length > MAX_HEALTH_SERVICE) return `health service names have at most ${MAX_HEALTH_SERVICE} characters, got ${name.length}`;
  return null;
}
