// ALE's whole catalogue over the wire: a table of 104 games (Pong's facts under 104 names, so the test does not wait
// for the games being added) gives 1,456 ids, and ListEnvs answers them to a gRPC client with default settings
// (4 MiB messages), with the sizes of every spec intact; `stadium-agent envs FILTER` narrows the list.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { credentials } from '@grpc/grpc-js';
import { EnvironmentsService, SERVICE_NAME, packageDefinition } from '../../proto/load.js';
import type { MethodDefinition } from '@grpc/grpc-js';
import { atariEnvs } from '../../env-server/envs/atari/registry.js';
import { atariGames } from '../../env-server/envs/atari/games.js';
import { RomStore } from '../../env-server/roms/rom-store.js';
import { startServer } from '../support/server.js';

const AGENT_CLI = fileURLToPath(new URL('../../agent-client/cli.js', import.meta.url));
const pong = atariGames().find((g) => g.rom === 'pong')!;
const games = Array.from({ length: 104 }, (_, i) => ({ ...pong, rom: `game_${i}`, name: `Game${i}` }));

t.test('1,456 ids reach a default gRPC client in one ListEnvs answer under 4 MiB', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-noroms-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { address } = await startServer(t, atariEnvs(new RomStore(dir, () => []), games));
  const client = new EnvironmentsService(address, credentials.createInsecure());
  const call = () => new Promise<{ envs: { id: string; options: unknown[] }[] }>((resolve, reject) =>
    (client as unknown as { listEnvs(r: object, cb: (e: Error | null, r: never) => void): void }).listEnvs({}, (e, r) => (e ? reject(e) : resolve(r))));
  const res = await call();
  // Not client.close() (nor grpc's closeClient): the service's Close RPC takes that name on a generated client.
  client.getChannel().close();
  t.equal(res.envs.length, 1456);
  t.ok(res.envs.every((e) => e.options.length > 0), 'every spec carries its options');
  t.ok(res.envs.some((e) => e.id === 'ALE/Game103-ram-v5') && res.envs.some((e) => e.id === 'Game0Deterministic-v0'));
  const listEnvs = (packageDefinition[SERVICE_NAME] as unknown as Record<string, MethodDefinition<unknown, unknown>>).ListEnvs;
  const size = listEnvs.responseSerialize(res).length;
  t.ok(size < 4 * 1024 * 1024, `ListEnvs answer: ${size} bytes`);
  t.comment(`ListEnvs with 1,456 Atari ids: ${(size / 1024 / 1024).toFixed(2)} MiB (${Math.round(size / 1456)} bytes an id)`);

  // Run asynchronously: the server answering it lives in this process.
  const agent = (args: string[]) => promisify(execFile)(process.execPath, [AGENT_CLI, 'envs', ...args, '--server', address], { encoding: 'utf8' });
  const some = await agent(['game7-ram']);
  const lines = some.stdout.trim().split('\n');
  t.same(lines.slice(0, -1).map((l) => l.split(' ')[0]).sort(), [
    'ALE/Game7-ram-v5', 'Game7-ram-v0', 'Game7-ram-v4', 'Game7-ramDeterministic-v0', 'Game7-ramDeterministic-v4', 'Game7-ramNoFrameskip-v0', 'Game7-ramNoFrameskip-v4',
  ]);
  t.equal(lines.at(-1), "7 of 1456 environments contain 'game7-ram'");
  t.match((await agent([])).stdout, /\n1456 environments \(stadium-agent envs FILTER shows the ids containing FILTER\)\n$/);
});
