// A real multi-host run: three servers, each in its own network namespace with its own address, and an agent in
// a fourth namespace that reaches them over veth links; the servers are found through one DNS name with three
// records (the client namespace's /etc/hosts, which `ip netns exec` mounts) or through a list of addresses.
// A server is killed mid-run: the vector env reports UNAVAILABLE naming it, or with recreateLost goes on.
// Traffic stays inside the namespaces this test creates (198.18.0.0/15, the benchmarking range); they are deleted
// at the end. Needs root and iproute2; skips saying why otherwise.

import t from 'tap';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { spawnServer, type ServerProcess } from '../support/spawn-server.js';

const AGENT = fileURLToPath(new URL('./netns-agent.js', import.meta.url));
const tag = `st${process.pid % 100000}`;
const clientNs = `${tag}c`;
const serverNs = [0, 1, 2].map((i) => `${tag}s${i}`);
const serverIp = (i: number) => `198.18.${i}.2`;

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

function whyNot(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  try {
    ip('netns', 'add', `${tag}probe`);
    ip('netns', 'del', `${tag}probe`);
    return null;
  } catch (e) {
    return `this sandbox does not allow 'ip netns add' (${(e as Error).message.split('\n')[0]})`;
  }
}

function build(): void {
  ip('netns', 'add', clientNs);
  ip('-n', clientNs, 'link', 'set', 'lo', 'up');
  serverNs.forEach((ns, i) => {
    ip('netns', 'add', ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    ip('-n', clientNs, 'link', 'add', `${tag}v${i}`, 'type', 'veth', 'peer', 'name', `${tag}p${i}`, 'netns', ns);
    ip('-n', clientNs, 'addr', 'add', `198.18.${i}.1/24`, 'dev', `${tag}v${i}`);
    ip('-n', clientNs, 'link', 'set', `${tag}v${i}`, 'up');
    ip('-n', ns, 'addr', 'add', `${serverIp(i)}/24`, 'dev', `${tag}p${i}`);
    ip('-n', ns, 'link', 'set', `${tag}p${i}`, 'up');
  });
  mkdirSync(`/etc/netns/${clientNs}`, { recursive: true });
  writeFileSync(`/etc/netns/${clientNs}/hosts`, `127.0.0.1 localhost\n${serverNs.map((_, i) => `${serverIp(i)} envs.stadium.test`).join('\n')}\n`);
}

function teardown(): void {
  for (const ns of [clientNs, ...serverNs]) {
    try {
      ip('netns', 'del', ns);
    } catch {
      // already gone
    }
  }
  rmSync(`/etc/netns/${clientNs}`, { recursive: true, force: true });
  try {
    execFileSync('rmdir', ['/etc/netns'], { stdio: 'pipe' });
  } catch {
    // not empty: other namespaces use it
  }
}

const startServer = (i: number) => spawnServer(['--host', serverIp(i), '--port', '50051', '--insecure', '--server-id', `host-${i}`], {}, ['ip', 'netns', 'exec', serverNs[i]]);

interface AgentEvent {
  event: string;
  servers?: string[];
  code?: number;
  message?: string;
  losses?: { server: string; replacement: string; code: number; message: string }[];
}

/** Runs the agent in the client namespace; calls `onRunning` once it steps, and resolves with its last report. */
function agent(target: string, recreate: boolean, onRunning: (servers: string[]) => Promise<void>): Promise<AgentEvent> {
  const p = spawn('ip', ['netns', 'exec', clientNs, process.execPath, AGENT, target, '3', recreate ? '1' : '0', '10'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let last: AgentEvent = { event: 'none' };
  let buf = '';
  p.stdout!.setEncoding('utf8');
  p.stdout!.on('data', (chunk: string) => {
    buf += chunk;
    for (let i; (i = buf.indexOf('\n')) >= 0; buf = buf.slice(i + 1)) {
      last = JSON.parse(buf.slice(0, i)) as AgentEvent;
      if (last.event === 'running') void onRunning(last.servers!);
    }
  });
  const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    p.on('exit', () => {
      clearTimeout(timer);
      resolve(last);
    }),
  );
}

const reason = whyNot();
t.test('servers on three hosts, one killed mid-run', { skip: reason ?? false }, async (t) => {
  build();
  const servers: ServerProcess[] = [];
  t.teardown(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    teardown();
  });
  for (let i = 0; i < 3; i++) servers.push(await startServer(i));
  const hostOf = (server: string) => Number(/^host-(\d)/.exec(server)![1]);

  let victim = -1;
  const failed = await agent('dns:envs.stadium.test:50051', false, async (names) => {
    t.same(new Set(names.map(hostOf)), new Set([0, 1, 2]), 'through one DNS name the shards reach all three hosts');
    victim = hostOf(names[1]);
    await servers[victim].kill('SIGKILL');
  });
  t.equal(failed.event, 'error', 'without recreateLost the vector env fails');
  t.equal(failed.code, status.UNAVAILABLE, 'with UNAVAILABLE');
  t.match(failed.message, new RegExp(`server host-${victim} \\(${serverIp(victim).replace(/\./g, '\\.')}:50051\\) is unavailable`), 'naming the dead server and its address');

  servers[victim] = await startServer(victim);
  const list = `ipv4:${serverNs.map((_, i) => `${serverIp(i)}:50051`).join(',')}`;
  const recovered = await agent(list, true, async (names) => {
    victim = hostOf(names[0]);
    await servers[victim].kill('SIGKILL');
  });
  t.equal(recovered.event, 'done', `with recreateLost the run goes on (${recovered.message ?? ''})`);
  t.equal(recovered.losses?.length, 1, 'one loss');
  t.equal(hostOf(recovered.losses![0].server), victim, 'of the killed host');
  t.not(hostOf(recovered.losses![0].replacement), victim, 'its copies re-created on another host');
});

t.test('namespaces are gone afterwards', { skip: reason ?? false }, async (t) => {
  const left = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  t.notMatch(left, new RegExp(tag), 'no namespace of this test is left');
});
