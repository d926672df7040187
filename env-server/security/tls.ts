// Transport security for the server: TLS from PEM files, optionally requiring client certificates signed by a
// given CA (mutual TLS), and the rule that plaintext is only for loopback unless the operator insists.

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { ServerCredentials } from '@grpc/grpc-js';

export interface TlsFiles {
  cert: string;
  key: string;
  /** When set, clients must present a certificate signed by this CA. */
  clientCa?: string;
}

function readPem(what: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read the ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function serverCredentials(tls: TlsFiles | undefined): ServerCredentials {
  if (!tls) return ServerCredentials.createInsecure();
  const ca = tls.clientCa ? readPem('TLS client CA', tls.clientCa) : null;
  return ServerCredentials.createSsl(ca, [{ cert_chain: readPem('TLS certificate', tls.cert), private_key: readPem('TLS key', tls.key) }], ca !== null);
}

/** True for addresses only this machine can reach. '0.0.0.0' and '::' are every interface, so not loopback. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host.startsWith('::ffff:127.');
  return false;
}

/** Refuses plaintext on a reachable address unless `insecure` says the operator chose it. */
export function checkPlaintext(host: string, tls: boolean, insecure: boolean): void {
  if (tls || insecure || isLoopback(host)) return;
  throw new Error(
    `refusing to serve plaintext on ${host}: anyone who can reach it could read and drive the sessions. ` +
      'Give --tls-cert and --tls-key (and --tls-client-ca for mutual TLS), bind a loopback address, ' +
      'or pass --insecure if the network is already private (e.g. inside a cluster behind a TLS proxy).',
  );
}
