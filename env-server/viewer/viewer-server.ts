// The viewer's HTTP port: the static page (viewer/) and the WebSocket endpoint /ws on the same origin, so the page
// needs no configuration and the Origin check can default to same-origin.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { WebSocketServer } from 'ws';
import type { EnvService } from '../service.js';
import type { Logger } from '../log.js';
import { Access, type AccessOptions } from './access.js';
import { ViewerHub } from './hub.js';
import type { Recorders } from './recorder.js';
import { listenError } from '../errors.js';

export interface ViewerOptions extends AccessOptions {
  /** Address to bind (default 127.0.0.1: the viewer shows everything the server runs). */
  host?: string;
  /** 0 picks a free port. */
  port: number;
}

/** The viewer page's files (viewer/ at the top of the repository), read when served. */
export const PAGE_ROOT = new URL('../../../viewer/', import.meta.url);

/** Every file the page consists of; nothing else under viewer/ is served. */
const FILES: Record<string, [file: string, type: string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/static/style.css': ['static/style.css', 'text/css; charset=utf-8'],
  '/static/viewer.js': ['static/viewer.js', 'text/javascript; charset=utf-8'],
  '/static/chart.js': ['static/chart.js', 'text/javascript; charset=utf-8'],
  '/static/painters.js': ['static/painters.js', 'text/javascript; charset=utf-8'],
  '/static/protocol.js': ['static/protocol.js', 'text/javascript; charset=utf-8'],
};

/** The viewer's WebSocket takes only small control messages. */
const MAX_INCOMING = 4096;

export class ViewerServer {
  readonly hub: ViewerHub;
  private readonly http: Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INCOMING });
  private readonly access: Access;
  private boundPort = 0;

  constructor(
    service: EnvService,
    recorders: Recorders,
    private readonly log: Logger,
    private readonly opts: ViewerOptions,
  ) {
    this.access = new Access(opts);
    this.hub = new ViewerHub(service, recorders, log);
    this.http = createServer((req, res) => void this.serve(req, res));
    this.http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  /** Binds and resolves to the page's URL (with the token placeholder when one is needed). */
  async start(): Promise<string> {
    const host = this.opts.host ?? '127.0.0.1';
    const urlHost = host.includes(':') ? `[${host}]` : host;
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', (e) => reject(listenError('--viewer-port', `${urlHost}:${this.opts.port}`, e)));
      this.http.listen(this.opts.port, host, () => resolve());
    });
    this.boundPort = (this.http.address() as { port: number }).port;
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : urlHost;
    return `http://${shown}:${this.boundPort}/${this.access.needsToken ? '?token=<viewer-token>' : ''}`;
  }

  get port(): number {
    return this.boundPort;
  }

  async close(): Promise<void> {
    this.hub.close();
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://viewer').pathname;
    const entry = FILES[path];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}\n`);
      return;
    }
    try {
      const body = await readFile(new URL(entry[0], PAGE_ROOT));
      res.writeHead(200, {
        'content-type': entry[1],
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'self'; img-src 'self' blob: data:; connect-src 'self'; frame-ancestors 'none'",
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      this.log.error('viewer page file missing', { file: entry[0], error: String(e) });
      res.writeHead(500, { 'content-type': 'text/plain' }).end('viewer page file missing; is the package complete?\n');
    }
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://viewer').pathname;
    const refusal = path === '/ws' ? this.access.refusal(req) : { status: 404, reason: `no WebSocket endpoint at ${path}; use /ws` };
    const address = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    if (refusal) {
      this.log.warn('viewer refused', { viewer: address, status: refusal.status, reason: refusal.reason });
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.status === 401 ? 'Unauthorized' : refusal.status === 403 ? 'Forbidden' : 'Not Found'}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${refusal.reason}\n`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.hub.add(ws, address));
  }
}
