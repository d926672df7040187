// Rendering follows viewers, never steps: nothing is rendered for a session nobody watches, and a watched one is
// rendered only for frames its viewer gets, however fast the agent steps.

import t from 'tap';
import { startServer } from '../support/server.js';
import { openViewer, runAgent } from './support.js';
import { pictureEnv } from './picture-env.js';

let renders = 0;
const COUNTED = pictureEnv('Counted-v0', () => {
  renders++;
  return { width: 1, height: 1, data: Uint8Array.of(renders & 0xff, 0, 0) };
});

t.test('renders happen for viewers, at their rate', async (t) => {
  const { server, connect } = await startServer(t, [COUNTED], { viewer: { port: 0 } });
  const env = await connect().make('Counted-v0');
  const agent = runAgent(env);
  t.teardown(() => agent.stop());
  const viewer = await openViewer(t, `ws://127.0.0.1:${server.viewer!.port}/ws`);
  await viewer.until((m) => m.type === 'sessions' && (m.sessions as unknown[]).length === 1);
  while (agent.steps < 300) await new Promise((r) => setTimeout(r, 10));
  t.equal(renders, 0, 'an unwatched session is never rendered, even with a viewer connected');

  viewer.send({ type: 'watch', session: env.sessionId, fps: 5 });
  while (viewer.got.binary.length < 5) await viewer.until((m) => m.type === 'frame');
  await agent.stop();
  const frames = viewer.got.binary.length;
  t.ok(renders <= frames + 1, `one render per frame sent, at most one more in flight (${renders} renders, ${frames} frames)`);
  t.ok(agent.steps > 10 * renders, `far fewer renders than steps (${renders} renders, ${agent.steps} steps)`);
});
