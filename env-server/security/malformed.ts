// Requests whose bytes are not a valid message. grpc-js answers a request its deserializer rejects with INTERNAL
// ("Error deserializing request"), which blames the server and, on a Session stream, kills the stream and every
// session on it. Wrapping the deserializers turns such bytes into a Malformed value instead, which the handlers
// answer with INVALID_ARGUMENT saying what could not be decoded; a stream then goes on.

import type { ServiceDefinition } from '@grpc/grpc-js';
import { invalidArgument } from '../errors.js';

export class Malformed {
  constructor(
    readonly type: string,
    readonly why: string,
  ) {}
  error() {
    return invalidArgument(`the request is not a valid ${this.type} message (${this.why}); send one encoded from proto/stadium/v1/stadium.proto`);
  }
}

/** A copy of `service` whose request deserializers return a Malformed value instead of throwing. */
export function tolerateMalformed(service: ServiceDefinition): ServiceDefinition {
  const out: Record<string, ServiceDefinition[string]> = {};
  for (const [name, method] of Object.entries(service)) {
    const type = (method as { requestType?: { type?: { name?: string } } }).requestType?.type?.name ?? `${name} request`;
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (e) {
          return new Malformed(`stadium.v1.${type}`, (e as Error).message);
        }
      },
    };
  }
  return out;
}
