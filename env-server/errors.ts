// The server's one error model: every failure a client can cause is a StatusError carrying the gRPC status code
// it is answered with, and a message that says what was wrong and what is allowed.

import { status } from '@grpc/grpc-js';

export class StatusError extends Error {
  override name = 'StatusError';
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (msg: string) => new StatusError(status.NOT_FOUND, msg);
export const invalidArgument = (msg: string) => new StatusError(status.INVALID_ARGUMENT, msg);
export const failedPrecondition = (msg: string) => new StatusError(status.FAILED_PRECONDITION, msg);
export const resourceExhausted = (msg: string) => new StatusError(status.RESOURCE_EXHAUSTED, msg);
export const unavailable = (msg: string) => new StatusError(status.UNAVAILABLE, msg);

/** Maps any thrown value to a status; unexpected errors become INTERNAL and are reported to the log by the caller. */
export function toStatus(e: unknown): { code: status; details: string; internal: boolean } {
  if (e instanceof StatusError) return { code: e.code, details: e.message, internal: false };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: status.INTERNAL, details: `internal error: ${msg}`, internal: true };
}
