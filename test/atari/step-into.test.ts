// Atari envs write their steps straight into a batch's row (what the pool's workers do with the shared slots): the
// row must hold exactly what step() returns, for every kind of observation, and leave the other rows alone.

import t from 'tap';
import { BatchRows } from '../../env-server/backend/rows.js';
import type { Env } from '../../env-server/envs/env.js';
import { atariRegistry, fnv1a, romSkip } from './shared.js';

const VARIANTS: [string, Record<string, unknown>][] = [
  ['rgb', { obs_type: 'rgb' }],
  ['grayscale', { obs_type: 'grayscale' }],
  ['ram', { obs_type: 'ram' }],
  ['preprocessed, full stack', { preprocess: true }],
  ['preprocessed, newest frame', { preprocess: true, frame_stack_transport: 'newest' }],
  ['preprocessed, scaled RGB, clipped rewards', { preprocess: true, scale_obs: true, grayscale_obs: false, clip_reward: true }],
];

t.test('stepInto writes what step() returns into its row, and nothing else', { skip: romSkip }, async (t) => {
  const reg = atariRegistry();
  for (const [name, kw] of VARIANTS) {
    const stepped = reg.make('ALE/Breakout-v5', kw);
    const written = reg.make('ALE/Breakout-v5', kw);
    stepped.reset(3);
    written.reset(3);
    const rows = new BatchRows(written.observationSpace, 3);
    const size = rows.obs.length / 3;
    rows.obs.fill(9 as never);
    let same = true;
    let rewards = 0;
    for (let s = 0; s < 300 && same; s++) {
      const a = (s * 7) % 4;
      const r = stepped.step(a);
      (written as Required<Env>).stepInto(a, rows, 1);
      const row = rows.obs.subarray(size, 2 * size);
      same =
        fnv1a(new Uint8Array(row.buffer, row.byteOffset, row.byteLength)) === fnv1a(new Uint8Array((r.obs as Uint8Array).buffer, (r.obs as Uint8Array).byteOffset, (r.obs as Uint8Array).byteLength)) &&
        rows.reward[1] === r.reward &&
        rows.terminated[1] === (r.terminated ? 1 : 0) &&
        rows.truncated[1] === (r.truncated ? 1 : 0) &&
        String(rows.infos[1].frame_number) === String(r.info.frame_number);
      rewards += r.reward;
      if (!same) t.fail(`${name}: step ${s} differs`);
      if (r.terminated || r.truncated) break;
    }
    t.ok(same, `${name}: every step the same`);
    t.ok(rewards > 0, `${name}: rewards were earned (${rewards})`);
    t.ok(rows.obs.subarray(0, size).every((v) => v === 9) && rows.obs.subarray(2 * size).every((v) => v === 9), `${name}: other rows untouched`);
    stepped.close?.();
    written.close?.();
  }
});
