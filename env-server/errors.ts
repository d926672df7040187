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

/** Longest piece of client input a message quotes: error statuses stay well under gRPC's 8 KiB metadata default. */
export const MAX_QUOTE = 64;

/** `s` cut to `max` characters with an ellipsis, for quoting client input (ids, names, values) in messages. */
export function clip(s: string, max = MAX_QUOTE): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The first `max` items joined, then how many more there are. */
export function shortList(items: readonly string[], max = 12): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** Maps any thrown value to a status; unexpected errors become INTERNAL and are reported to the log by the caller. */
export function toStatus(e: unknown): { code: status; details: string; internal: boolean } {
  if (e instanceof StatusError) return { code: e.code, details: bounded(e.message), internal: false };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: status.INTERNAL, details: bounded(`internal error: ${msg}`), internal: true };
}

/** Largest status message, in UTF-8 bytes: far below the 8 KiB of metadata gRPC clients accept by default. */
export const MAX_STATUS_BYTES = 1024;

/** The last line of defence for messages built from anything a client sent: cut to MAX_STATUS_BYTES. */
function bounded(msg: string): string {
  if (Buffer.byteLength(msg) <= MAX_STATUS_BYTES) return msg;
  let cut = msg.slice(0, MAX_STATUS_BYTES - 3);
  while (Buffer.byteLength(cut) > MAX_STATUS_BYTES - 3) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * A port the server cannot bind, said as the operator's choice (`--port`, `--health-port`, `--viewer-port`) rather
 * than as grpc-js's or Node's "No address added ..." / "listen EADDRINUSE ...".
 */
export function listenError(flag: string, address: string, e: unknown): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/EADDRINUSE/.test(msg)) return new Error(`${address} (${flag}) is already in use; stop what holds it, or choose another port (0 picks a free one)`);
  if (/EACCES/.test(msg)) return new Error(`${address} (${flag}) needs privileges this process lacks; choose a port above 1023`);
  if (/EADDRNOTAVAIL|ENOTFOUND|EAI_/.test(msg)) return new Error(`${address} (${flag}): this machine has no such address; check --host or --viewer-host`);
  return e instanceof Error ? e : new Error(msg);
}
