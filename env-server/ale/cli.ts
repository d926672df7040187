// Command line of the ALE tools: `ale trace ROM [--steps N] [--repeat-action-probability P]` (the main
// `stadium` CLI forwards `stadium ale ...` here).
import { createALEWithRom } from './node-loader.js';
import { traceRows } from './trace.js';

const USAGE = 'usage: stadium ale trace ROM [--steps N] [--repeat-action-probability P]\n' +
  '  N: steps to play (default 5000); P: sticky actions, in [0, 1] (default 0; the reference sticky traces use 0.25)\n' +
  '  ALE\'s random_seed is 0, frame skip 1, as in ../shared/reference/ale';

export async function aleCli(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'trace') {
    process.stderr.write(`${command === undefined ? 'missing command' : `unknown command "${command}"`}\n${USAGE}\n`);
    return 2;
  }
  let rom: string | undefined;
  let steps = 5000;
  let stickiness = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--repeat-action-probability') {
      const value = rest[++i];
      if (value === undefined || !/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(value)) {
        process.stderr.write(`--repeat-action-probability needs a number in [0, 1], got ${value ?? 'nothing'}\n${USAGE}\n`);
        return 2;
      }
      stickiness = Number(value);
    } else if (rest[i] === '--steps') {
      const value = rest[++i];
      if (value === undefined || !/^\d+$/.test(value)) {
        process.stderr.write(`--steps needs a non-negative integer, got ${value ?? 'nothing'}\n${USAGE}\n`);
        return 2;
      }
      steps = Number(value);
    } else if (rom === undefined && !rest[i].startsWith('--')) {
      rom = rest[i];
    } else {
      process.stderr.write(`unexpected argument "${rest[i]}"\n${USAGE}\n`);
      return 2;
    }
  }
  if (rom === undefined) {
    process.stderr.write(`missing ROM path\n${USAGE}\n`);
    return 2;
  }
  const ale = await createALEWithRom(rom, { repeatActionProbability: stickiness });
  const lines: string[] = [];
  traceRows(ale, steps, (line) => lines.push(line));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  // A reader that stops early (`| head`) closes stdout: end quietly, as Unix tools do, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  aleCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: Error) => { process.stderr.write(`${err.message}\n`); process.exitCode = 1; },
  );
}
