// `stadium ale trace`: prints the reference traces' format (plain and sticky, compared with the first rows of the
// shared reference traces); argument errors exit with status 2 and say what is allowed.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aleCli } from '../../env-server/ale/cli.js';
import { sharedDir } from './machine.js';

const reference = path.join(sharedDir, 'reference', 'ale');
const rom = path.join(sharedDir, 'roms', 'pong.bin');
const skip = existsSync(rom) && existsSync(path.join(reference, 'sticky', 'pong.trace.csv')) ? false : `needs ${rom} and ${reference}, which are absent`;

/** What aleCli writes to stdout, and its exit status. */
async function run(args: string[]): Promise<[number, string]> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => { out.push(String(chunk)); return true; }) as typeof process.stdout.write;
  try {
    return [await aleCli(args), out.join('')];
  } finally {
    process.stdout.write = write;
  }
}

t.test('trace prints the reference rows, plain and with sticky actions (P = 0.25, ALE random_seed 0)', { skip }, async (t) => {
  const first = (file: string, rows: number) => readFileSync(file, 'utf8').split('\n').slice(0, rows + 2).join('\n');
  const [plainCode, plain] = await run(['trace', rom, '--steps', '300']);
  t.equal(plainCode, 0);
  t.equal(plain.trimEnd(), first(path.join(reference, 'pong.trace.csv'), 300).trimEnd(), 'header and steps 0..300 of pong.trace.csv');
  const [stickyCode, sticky] = await run(['trace', rom, '--steps', '300', '--repeat-action-probability', '0.25']);
  t.equal(stickyCode, 0);
  t.equal(sticky.trimEnd(), first(path.join(reference, 'sticky', 'pong.trace.csv'), 300).trimEnd(), 'header and steps 0..300 of sticky/pong.trace.csv');
  t.not(sticky, plain, 'the sticky trace is another one');
});

t.test('bad command lines are refused with the usage', async (t) => {
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => { errors.push(String(chunk)); return true; }) as typeof process.stderr.write;
  try {
    t.equal(await aleCli([]), 2);
    t.equal(await aleCli(['replay']), 2);
    t.equal(await aleCli(['trace']), 2);
    t.equal(await aleCli(['trace', 'x.bin', '--steps', 'ten']), 2);
    t.equal(await aleCli(['trace', 'x.bin', 'y.bin']), 2);
    t.equal(await aleCli(['trace', 'x.bin', '--repeat-action-probability', '1.5']), 2);
    t.equal(await aleCli(['trace', 'x.bin', '--repeat-action-probability']), 2);
  } finally {
    process.stderr.write = write;
  }
  t.match(errors.join(''), /missing command[\s\S]*unknown command "replay"[\s\S]*missing ROM path[\s\S]*--steps needs a non-negative integer, got ten[\s\S]*unexpected argument "y\.bin"[\s\S]*--repeat-action-probability needs a number in \[0, 1\], got 1\.5[\s\S]*got nothing/);
  t.match(errors.join(''), /usage: stadium ale trace ROM \[--steps N\] \[--repeat-action-probability P\]/);
});

t.test('an unreadable ROM is a clear error', async (t) => {
  await t.rejects(aleCli(['trace', '/nonexistent/rom.bin']), /cannot read ROM file \/nonexistent\/rom\.bin: ENOENT/);
});
