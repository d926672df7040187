// Who may open the viewer's WebSocket: checked once, on the HTTP upgrade, before any session data flows.
// - Token (optional, shared by all viewers): compared in constant time over SHA-256 digests, so neither the
//   token's content nor its length leaks through timing.
// - Origin: browsers send it on every WebSocket handshake, so a page from another site cannot open the viewer in
//   a user's browser (cross-site WebSocket hijacking). Same-origin is allowed, plus any origin listed. Clients
//   that send no Origin are not browsers and are not protected by this check; the token is what guards them.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface AccessOptions {
  /** Shared secret viewers must present (`?token=` on the WebSocket URL); none when empty. */
  token?: string;
  /** Origins allowed besides the page's own, e.g. 'https://dash.example.org'; '*' allows any. */
  origins?: readonly string[];
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export class Access {
  private readonly tokenDigest: Buffer | null;
  private readonly origins: Set<string>;

  constructor(opts: AccessOptions) {
    this.tokenDigest = opts.token ? digest(opts.token) : null;
    this.origins = new Set((opts.origins ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase()));
  }

  get needsToken(): boolean {
    return this.tokenDigest !== null;
  }

  /** Why this upgrade request is refused (HTTP status and reason), or null to accept it. */
  refusal(req: IncomingMessage): { status: number; reason: string } | null {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.originAllowed(origin, req.headers.host)) {
      return { status: 403, reason: `origin ${origin} is not allowed; the server accepts its own origin and those given with --viewer-origin` };
    }
    if (this.tokenDigest) {
      const given = new URL(req.url ?? '/', 'http://viewer').searchParams.get('token');
      if (given === null) return { status: 401, reason: 'this viewer needs a token: add ?token=... to the URL' };
      if (!timingSafeEqual(digest(given), this.tokenDigest)) return { status: 401, reason: 'wrong viewer token' };
    }
    return null;
  }

  private originAllowed(origin: string, host: string | undefined): boolean {
    const o = origin.toLowerCase();
    if (this.origins.has('*') || this.origins.has(o)) return true;
    try {
      const u = new URL(o);
      return (u.protocol === 'http:' || u.protocol === 'https:') && host !== undefined && u.host === host.toLowerCase();
    } catch {
      return false;
    }
  }
}
