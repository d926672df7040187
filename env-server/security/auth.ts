// Bearer-token authentication. Tokens come from a file (one per line, '#' comments), are kept only as SHA-256
// digests, and a presented token is hashed and compared with crypto.timingSafeEqual against every digest, so
// neither the comparison's time nor its length leaks what the server holds. Tokens never reach the log.

import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Metadata } from '@grpc/grpc-js';
import { StatusError } from '../errors.js';
import { status } from '@grpc/grpc-js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export class TokenAuth {
  private readonly digests: Buffer[];

  constructor(tokens: readonly string[]) {
    if (tokens.length === 0) throw new Error('the token list is empty; put at least one token in the file');
    for (const t of tokens) {
      if (t.length < 16) throw new Error(`every token must be at least 16 characters long (one has ${t.length})`);
    }
    this.digests = tokens.map(digest);
  }

  static fromFile(path: string): TokenAuth {
    const lines = readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    try {
      return new TokenAuth(lines);
    } catch (e) {
      throw new Error(`auth token file ${path}: ${(e as Error).message}`);
    }
  }

  /** Throws UNAUTHENTICATED unless the call carries `authorization: Bearer <a known token>`. */
  check(md: Metadata): void {
    const values = md.get('authorization');
    const header = values.length === 1 && typeof values[0] === 'string' ? values[0] : '';
    const m = /^Bearer (.+)$/.exec(header);
    if (!m) throw new StatusError(status.UNAUTHENTICATED, "this server needs a token: send metadata 'authorization: Bearer <token>'");
    const given = digest(m[1]);
    let ok = false;
    for (const d of this.digests) ok = timingSafeEqual(given, d) || ok;
    if (!ok) throw new StatusError(status.UNAUTHENTICATED, 'the token sent in authorization metadata is not one this server accepts');
  }
}
