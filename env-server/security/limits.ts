// Per-client accounting a hostile or buggy client cannot get around by opening more connections: clients are
// counted by the IP address they connect from, not by connection. Also the render rate limit of a session and
// the check that make's options are plain values (options name things, such as a game, never files).

import { invalidArgument, resourceExhausted } from '../errors.js';

/** The client's IP from a grpc-js peer string ('1.2.3.4:5678', '::ffff:1.2.3.4:5678' or '[::1]:5678'). */
export function peerIp(peer: string): string {
  const bracketed = /^\[(.*)\]:\d+$/.exec(peer);
  if (bracketed) return bracketed[1];
  const i = peer.lastIndexOf(':');
  const ip = i > 0 && /^\d+$/.test(peer.slice(i + 1)) ? peer.slice(0, i) : peer;
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/** Counts of something each client holds, refused past `max` per client. */
export class PerClient {
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly what: string,
    private readonly max: number,
  ) {}

  acquire(client: string, n = 1): void {
    const held = this.counts.get(client) ?? 0;
    if (held + n > this.max) {
      throw resourceExhausted(`client ${client} holds ${held} ${this.what}; ${n} more would pass its limit of ${this.max}; close some first`);
    }
    this.counts.set(client, held + n);
  }

  release(client: string, k = 1): void {
    const n = (this.counts.get(client) ?? 0) - k;
    if (n > 0) this.counts.set(client, n);
    else this.counts.delete(client);
  }

  count(client: string): number {
    return this.counts.get(client) ?? 0;
  }
}

/** A token bucket: `perSecond` events a second on average, bursts of up to one second's worth. */
export class RateLimit {
  private tokens: number;
  private last = performance.now();
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const MAX_OPTION_STRING = 256;
const MAX_OPTION_DEPTH = 4;

/**
 * Make's options must be numbers, booleans, short strings, or lists/objects of them. Strings that look like file
 * paths are refused here, before any env sees them, so no option can make the server open a file.
 */
export function checkOptionValues(kwargs: Record<string, unknown>): void {
  const walk = (v: unknown, at: string, depth: number): void => {
    if (depth > MAX_OPTION_DEPTH) throw invalidArgument(`option ${at} nests deeper than ${MAX_OPTION_DEPTH} levels`);
    if (typeof v === 'string') {
      if (v.length > MAX_OPTION_STRING) throw invalidArgument(`option ${at} is ${v.length} characters long; at most ${MAX_OPTION_STRING} are allowed`);
      if (/[/\\\0]|^\.\.?$|^~/.test(v)) throw invalidArgument(`option ${at} looks like a file path (${JSON.stringify(v)}); options name things (e.g. a game by its name), never files`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`, depth + 1));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`, depth + 1);
  };
  for (const [k, v] of Object.entries(kwargs)) walk(v, `'${k}'`, 0);
}
