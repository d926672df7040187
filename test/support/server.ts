// Starts a real server on a free loopback port for a test and stops it when the test ends.

import type { Test } from 'tap';
import { StadiumServer, type ServerOptions } from '../../env-server/server.js';
import { Registry, type Registration } from '../../env-server/registry.js';
import { Logger } from '../../env-server/log.js';
import { Stadium } from '../../agent-client/client.js';

/** `regs`: the ids to serve, or a whole registry (one with a recipe can run worker pools). */
export async function startServer(t: Test, regs: Registration[] | Registry, opts: ServerOptions = {}) {
  const server = new StadiumServer(regs instanceof Registry ? regs : new Registry().register(...regs), { port: 0, logger: new Logger('silent'), ...opts });
  const port = await server.start();
  const address = `127.0.0.1:${port}`;
  const clients: Stadium[] = [];
  const connect = (o = {}) => {
    const c = Stadium.connect(address, o);
    clients.push(c);
    return c;
  };
  t.teardown(async () => {
    for (const c of clients) c.close();
    await server.shutdown(1000);
  });
  return { server, address, connect };
}
