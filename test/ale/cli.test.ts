// `stadium ale trace`: argument errors exit with status 2 and say what is allowed.
import t from 'tap';
import { aleCli } from '../../env-server/ale/cli.js';

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
  } finally {
    process.stderr.write = write;
  }
  t.match(errors.join(''), /missing command[\s\S]*unknown command "replay"[\s\S]*missing ROM path[\s\S]*--steps needs a non-negative integer, got ten[\s\S]*unexpected argument "y\.bin"/);
  t.match(errors.join(''), /usage: stadium ale trace ROM \[--steps N\]/);
});

t.test('an unreadable ROM is a clear error', async (t) => {
  await t.rejects(aleCli(['trace', '/nonexistent/rom.bin']), /cannot read ROM file \/nonexistent\/rom\.bin: ENOENT/);
});
