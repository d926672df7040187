// What a conv agent needs from an Atari id: Gymnasium's AtariPreprocessing and a frame stack, done on the server.
// Naming only the id gets the DQN pipeline of Mnih et al. (2015): up to 30 no-op starts, a frame skip of 4 with
// the max of the last two frames, 84x84 grayscale, a stack of 4 (the server's preprocess defaults), and FIRE after
// reset in games that need it to start. Any option the user passes wins.

import type { Stadium } from '../../client.js';

export interface Pipeline {
  kwargs: Record<string, unknown> | undefined;
  /** Frames per stacked observation when the server stacks them (replay then stores each frame once). */
  frameStack: number | null;
}

export async function atariPipeline(stadium: Stadium, envId: string, user: Record<string, unknown> | undefined): Promise<Pipeline> {
  const kw = user ?? {};
  let preprocess = kw.preprocess;
  if (preprocess === undefined && kw.obs_type === undefined) {
    const spec = (await stadium.listEnvs()).find((e) => e.id === envId);
    preprocess = spec?.options.some((o) => o.name === 'preprocess') ?? false;
    if (preprocess) return { kwargs: { preprocess: true, fire_reset: true, ...kw }, frameStack: stackOf(kw) };
    return { kwargs: user, frameStack: null };
  }
  return { kwargs: user, frameStack: preprocess === true ? stackOf(kw) : null };
}

function stackOf(kw: Record<string, unknown>): number | null {
  const k = kw.frame_stack ?? 4;
  return typeof k === 'number' && k > 1 && (kw.frame_stack_transport ?? 'full') === 'full' ? k : null;
}
