// scripts/gpu-check.sh --cpu: the GPU check's dry run against Debian's libtorch, every step but CUDA, with a
// 15-second training budget and one engine test file so that it adds about a minute to CI. The Pong numbers
// themselves are a benchmark (the GPU run), not something a test can assert; this checks that each step ran
// and left its part of the results folder.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Summary } from '../bench/gpu-check-summary.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = join(repo, 'scripts', 'gpu-check.sh');

function check(args: string[], timeout = 10_000) {
  return spawnSync('bash', [script, ...args], { cwd: repo, encoding: 'utf8', timeout });
}

t.test('bad arguments are refused before anything runs', (t) => {
  const minutes = check(['--cpu', '--minutes', 'ten']);
  t.equal(minutes.status, 2);
  t.match(minutes.stderr, /--minutes must be a positive number, got 'ten'/);
  const unknown = check(['--gpu']);
  t.equal(unknown.status, 2);
  t.match(unknown.stderr, /unknown argument '--gpu'/);
  t.match(unknown.stderr, /gpu-check\.sh \[--cpu\] \[--minutes M\]/, 'the usage follows');
  t.end();
});

const rom = join(repo, '..', 'shared', 'roms', 'pong.bin');
const help = spawnSync(process.execPath, [join(repo, 'dist', 'agent-client', 'cli.js'), '--help'], { encoding: 'utf8' }).stdout;
const skip = !existsSync(rom)
  ? `needs the Pong ROM at ${rom} (../shared is absent)`
  : !help.includes('dqn-pong')
    ? 'the dqn-pong preset is not in this build of stadium-agent (it comes with the Atari-training work)'
    : false;

t.test('the dry run builds, tests, trains Pong briefly and summarises', { skip }, (t) => {
  const results = mkdtempSync(join(tmpdir(), 'gpu-check-'));
  t.teardown(() => rmSync(results, { recursive: true, force: true }));
  const run = check(['--cpu', '--minutes', '0.25', '--results', results, '--tests', 'dist/test/torch/errors.test.js'], 280_000);
  const log = readFileSync(join(results, 'check.log'), 'utf8');
  t.equal(run.status, 0, 'every step passed', { tail: log.slice(-3000) });
  t.equal(run.stdout, log, 'everything printed is in check.log');

  t.match(log, /libtorch \d+\.\d+\.\d+, CUDA not available/, 'the engine loaded and reported its libtorch');
  t.match(readFileSync(join(results, 'build-native.log'), 'utf8'), /gyp info ok/, 'the addon build ran');
  const tap = readFileSync(join(results, 'tests.tap'), 'utf8');
  t.match(tap, /# dist\/test\/torch\/errors\.test\.js/);
  t.notMatch(tap, /^\s*not ok/m, 'the engine test passed');
  t.match(log, /train --preset dqn-pong --server 127\.0\.0\.1:\d+ --minutes 0\.25 --run-dir \S+ --device cpu/);

  const summary = JSON.parse(readFileSync(join(results, 'summary.json'), 'utf8')) as Summary;
  t.equal(summary.device, 'cpu');
  t.ok(summary.steps > 0 && summary.stepsPerSecond > 0, `trained ${summary.steps} steps at ${summary.stepsPerSecond.toFixed(0)}/s`);
  t.ok(summary.seconds >= 10 && summary.seconds < 120, `for about the budget (${summary.seconds} s)`);
  t.ok(summary.memory && summary.memory.what === 'agent process RSS' && summary.memory.peakMiB > 50, 'memory was sampled');
  t.same(summary.thresholds.map((x) => x.return), [-15, 0, 19]);
  t.equal(summary.thresholds[2].seconds, null, 'fifteen seconds do not solve Pong');
  const curve = readFileSync(join(results, 'curve.tsv'), 'utf8').trim().split('\n');
  t.equal(curve.length, summary.episodes + 1, 'one curve row per episode');
  t.match(readFileSync(join(results, 'summary.txt'), 'utf8'), /steps\/s: [\d.]+ over the run/);
  t.end();
});
