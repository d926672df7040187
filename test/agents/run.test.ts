// Training runs as the CLI drives them: metrics and TensorBoard events in the run dir, a stop request (Ctrl-C)
// that saves a checkpoint the next run resumes from, and a server that goes away giving a clear error plus a
// checkpoint instead of a stack trace.
import t from 'tap';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServerGone, checkpointDir, runTraining, type RunOptions } from '../../agent-client/agents/run.js';
import { agentServer, tempDir } from './support.js';
import { spawnServer } from '../support/spawn-server.js';

const OVERRIDES = { learningStarts: 50, bufferSize: 1000, hidden: [16], batchSize: 16 };

function options(address: string, runDir: string, steps: number): RunOptions {
  return { agent: 'dqn', env: 'CartPole-v1', server: address, device: 'cpu', steps, seed: 1, runDir, overrides: OVERRIDES, progress: null };
}

t.test('a stopped run saves a checkpoint, and the next run resumes from it', async (t) => {
  const { address } = await agentServer(t);
  const runDir = tempDir(t);
  const signal = { stop: false };
  const first = await runTraining({ ...options(address, runDir, 10_000), onEpisode: (e) => void (e.step >= 150 && (signal.stop = true)) }, signal);
  t.ok(first.interrupted, 'the run reports the interruption');
  const stoppedAt = first.agent.steps;
  t.ok(stoppedAt >= 150 && stoppedAt < 10_000);
  const meta = JSON.parse(readFileSync(join(checkpointDir(runDir), 'agent.json'), 'utf8'));
  t.equal(meta.state.steps, stoppedAt, 'the checkpoint holds the step count');
  const lines = readFileSync(join(runDir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  t.ok(lines.some((l) => 'episode/return' in l), 'episode returns in metrics.jsonl');
  t.match(readdirSync(join(runDir, 'tensorboard'))[0], /^events\.out\.tfevents\./);
  first.agent.dispose();

  const second = await runTraining(options(address, runDir, stoppedAt + 100));
  t.equal(second.agent.steps, stoppedAt + 100, 'the resumed run continues to the requested total');
  t.notOk(second.interrupted);
  second.agent.dispose();
});

t.test('a server that goes away mid-run gives a clear error and leaves a checkpoint', async (t) => {
  const { address, server } = await agentServer(t);
  const runDir = tempDir(t);
  let stopping: Promise<void> | null = null;
  const run = runTraining({ ...options(address, runDir, 10_000), onEpisode: (e) => void (e.step >= 100 && (stopping ??= server.shutdown(100))) });
  await t.rejects(run, ServerGone);
  await run.catch((e: Error) => t.match(e.message, new RegExp(`the server at ${address} went away at step \\d+ .*checkpoint saved in ${checkpointDir(runDir)}`)));
  await stopping;
  t.ok(existsSync(join(checkpointDir(runDir), 'agent.safetensors')), 'checkpoint written');
});

t.test('a server that stops answering (hung or starved) gives a clear error and leaves a checkpoint', async (t) => {
  const server = await spawnServer(['--port', '0']);
  t.teardown(() => {
    server.proc.kill('SIGCONT');
    return server.kill();
  });
  const address = `127.0.0.1:${server.port}`;
  const runDir = tempDir(t);
  let frozen = false;
  const run = runTraining({ ...options(address, runDir, 10_000), timeoutMs: 1500, onEpisode: (e) => void (e.step >= 100 && !frozen && (frozen = server.proc.kill('SIGSTOP'))) });
  await t.rejects(run, ServerGone);
  await run.catch((e: Error) => t.match(e.message, new RegExp(`the server at ${address} stopped answering at step \\d+ .*within 1500 ms.*checkpoint saved in ${checkpointDir(runDir)}`)));
  t.ok(frozen, 'the server was frozen mid-run');
  t.ok(existsSync(join(checkpointDir(runDir), 'agent.safetensors')), 'checkpoint written');
});

t.test('a resumed run continues its metrics: rows past the checkpoint dropped, wall clock and mean(100) carried on', async (t) => {
  const { address } = await agentServer(t);
  const runDir = tempDir(t);
  const signal = { stop: false };
  let episodes = 0;
  const first = await runTraining({ ...options(address, runDir, 100_000), onEpisode: () => void (++episodes >= 110 && (signal.stop = true)) }, signal);
  const stoppedAt = first.agent.steps;
  first.agent.dispose();
  const metrics = join(runDir, 'metrics.jsonl');
  type Row = { step: number; time: number; 'episode/return'?: number; 'episode/return_mean100'?: number };
  const read = () => readFileSync(metrics, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
  const before = read();
  // What a run killed between checkpoints leaves: rows for training the checkpoint does not hold, and a cut line.
  appendFileSync(metrics, JSON.stringify({ step: stoppedAt + 500, time: 9999, 'episode/return': 12345, 'episode/length': 9, 'episode/return_mean100': 1 }) + '\n{"step": 1');
  const second = await runTraining(options(address, runDir, stoppedAt + 200));
  second.agent.dispose();
  const rows = read();
  t.same(rows.slice(0, before.length), before, 'the rows up to the checkpoint are kept as they were');
  t.notOk(rows.some((r) => r['episode/return'] === 12345), 'the row past the checkpoint is gone');
  t.ok(rows.every((r, i) => i === 0 || (r.step >= rows[i - 1].step && r.time >= rows[i - 1].time)), 'steps and wall clock never go back');
  const returns = rows.filter((r) => r['episode/return'] !== undefined);
  const k = returns.findIndex((r) => r.step > stoppedAt);
  t.ok(k >= 100, `the first resumed episode (${k}) has 100 before it`);
  const window = returns.slice(k - 99, k + 1).map((r) => r['episode/return']!);
  t.equal(returns[k]['episode/return_mean100'], window.reduce((a, b) => a + b, 0) / window.length, "its mean(100) includes the 99 episodes before the checkpoint");
});
