// npm run bench:viewer — does watching slow the environments down? A CartPole agent steps one session over the
// Session stream while 0 or 10 WebSocket viewers watch it at 60 frames/s. The server, the agent and the viewers
// run in three processes, as they would in use (viewers normally sit on other machines; here they share the
// cores). Rounds alternate 0 / 10 viewers so drifting machine load hits both alike; the ratio is of the medians.
//
//   node dist/test/bench/viewer.js [--rounds N] [--seconds S] [--viewers V]

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import WebSocket from 'ws';
import { StadiumServer } from '../../env-server/server.js';
import { defaultRegistry } from '../../env-server/envs/index.js';
import { Logger } from '../../env-server/log.js';
import { Stadium, type RemoteEnv } from '../../agent-client/client.js';

const SELF = fileURLToPath(import.meta.url);
const FPS = 60;

/** Child: the env server with its viewer port; tells the parent both ports. */
async function serve(): Promise<void> {
  const server = new StadiumServer(defaultRegistry(), { port: 0, logger: new Logger('warn'), viewer: { port: 0 } });
  const port = await server.start();
  process.send!({ port, viewerPort: server.viewer!.port });
  process.on('message', (m) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ cpuMs: (u.user + u.system) / 1000 });
    } else server.shutdown(500).then(() => process.exit(0));
  });
}

/**
 * Child: on 'attach', opens `count` viewers watching `session` at 60 fps (replying once each has a frame); on
 * 'detach', closes them and replies with the frames each got per second. One process serves every round, so no
 * process start-up or JIT warm-up lands inside a measured round.
 */
async function watch(url: string, session: string, count: number): Promise<void> {
  let sockets: WebSocket[] = [];
  let frames = 0;
  let since = 0;
  const attach = async () => {
    sockets = await Promise.all(
      Array.from({ length: count }, async () => {
        const ws = new WebSocket(url);
        await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
        const firstFrame = new Promise<void>((first) =>
          ws.on('message', (_data, isBinary) => {
            if (!isBinary) return;
            frames++;
            first();
          }),
        );
        ws.send(JSON.stringify({ type: 'watch', session, fps: FPS }));
        await firstFrame;
        return ws;
      }),
    );
    frames = 0;
    since = performance.now();
  };
  process.on('message', (m) => {
    if (m === 'attach') attach().then(() => process.send!('attached'));
    else if (m === 'detach') {
      const perViewer = frames / count / ((performance.now() - since) / 1000);
      for (const ws of sockets) ws.close();
      sockets = [];
      process.send!({ framesPerViewerPerSecond: perViewer });
    } else process.exit(0);
  });
  process.send!('ready');
}

function child(args: string[]): ChildProcess {
  return fork(SELF, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const nextMessage = <T>(c: ChildProcess) => new Promise<T>((resolve) => c.once('message', (m) => resolve(m as T)));

/** Steps for `seconds`, resetting at episode ends; returns steps per second and the server's CPU ms per 1000 steps. */
async function stepFor(env: RemoteEnv, seconds: number, server: ChildProcess): Promise<{ rate: number; cpu: number }> {
  const cpu0 = await serverCpu(server);
  let steps = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) {
      const r = await env.step(steps & 1);
      steps++;
      if (r.terminated || r.truncated) await env.reset();
    }
  }
  const rate = steps / ((performance.now() - t0) / 1000);
  return { rate, cpu: ((await serverCpu(server)) - cpu0) / (steps / 1000) };
}

async function serverCpu(server: ChildProcess): Promise<number> {
  const reply = nextMessage<{ cpuMs: number }>(server);
  server.send('cpu');
  return (await reply).cpuMs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '8' }, seconds: { type: 'string', default: '2' }, viewers: { type: 'string', default: '10' } } });
  const rounds = Number(values.rounds);
  const seconds = Number(values.seconds);
  const viewers = Number(values.viewers);
  if (!(Number.isInteger(rounds) && rounds >= 1 && seconds > 0 && Number.isInteger(viewers) && viewers >= 1)) {
    throw new RangeError('--rounds and --viewers must be positive integers and --seconds a positive number');
  }
  const server = child(['serve']);
  const { port, viewerPort } = await nextMessage<{ port: number; viewerPort: number }>(server);
  const stadium = Stadium.connect(`127.0.0.1:${port}`);
  const env = await stadium.make('CartPole-v1');
  await env.reset({ seed: 0 });
  await stepFor(env, 1, server); // warm-up: JIT, connection

  const without: { rate: number; cpu: number }[] = [];
  const withViewers: { rate: number; cpu: number }[] = [];
  const fpsSeen: number[] = [];
  console.log(`CartPole-v1 steps/s over the Session stream, ${rounds} rounds of ${seconds} s each way, ${viewers} viewers at ${FPS} fps`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start (other work on the machine makes rounds noisy)`);
  const watchers = child(['watch', `ws://127.0.0.1:${viewerPort}/ws`, env.sessionId, String(viewers)]);
  await nextMessage(watchers);
  for (let r = 0; r < rounds; r++) {
    without.push(await stepFor(env, seconds, server));
    const attached = nextMessage(watchers);
    watchers.send('attach');
    await attached;
    withViewers.push(await stepFor(env, seconds, server));
    const detached = nextMessage<{ framesPerViewerPerSecond: number }>(watchers);
    watchers.send('detach');
    fpsSeen.push((await detached).framesPerViewerPerSecond);
    const [a, b] = [without[r], withViewers[r]];
    console.log(
      `  round ${r + 1}: 0 viewers ${a.rate.toFixed(0)} steps/s (server ${a.cpu.toFixed(1)} CPU ms per 1000 steps), ` +
        `${viewers} viewers ${b.rate.toFixed(0)} steps/s (${b.cpu.toFixed(1)} ms; each viewer got ${fpsSeen[r].toFixed(1)} frames/s)`,
    );
  }
  const rate = (xs: { rate: number }[]) => median(xs.map((x) => x.rate));
  const cpu = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu));
  console.log(`median: 0 viewers ${rate(without).toFixed(0)} steps/s, ${viewers} viewers ${rate(withViewers).toFixed(0)} steps/s`);
  console.log(`server CPU per step, ${viewers} viewers / 0 viewers: ${(cpu(withViewers) / cpu(without)).toFixed(3)}`);
  console.log(`ratio (steps/s, ${viewers} viewers / 0 viewers): ${(rate(withViewers) / rate(without)).toFixed(3)}`);
  await env.close();
  stadium.close();
  watchers.send('exit');
  server.send('stop');
}

const [mode, ...rest] = process.argv.slice(2);
const run = mode === 'serve' ? serve() : mode === 'watch' ? watch(rest[0], rest[1], Number(rest[2])) : main();
run.catch((e) => {
  console.error(`bench:viewer: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
