// A viewer that stops reading must not make the server queue frames for it: its frames are skipped while its
// socket is backed up, so the bytes held for it stay under MAX_BUFFERED plus one frame, while a healthy viewer of
// the same session keeps receiving. Frames here are large and incompressible so the kernel's socket buffers
// fill within the test (small CartPole scenes would take minutes to). The test waits for the backlog to form
// rather than for a fixed time, so a loaded machine only makes it slower.

import t from 'tap';
import { connect as tcpConnect } from 'node:net';
import { randomFillSync } from 'node:crypto';
import type { RgbFrame } from '../../env-server/envs/env.js';
import { MAX_BUFFERED } from '../../env-server/viewer/hub.js';
import { startServer } from '../support/server.js';
import { openViewer, runAgent } from './support.js';
import { pictureEnv } from './picture-env.js';

const SIDE = 512;
/** Incompressible, so each frame stays ~786 KB on the wire; made once, so capturing costs nothing. */
const NOISE_FRAME: RgbFrame = { width: SIDE, height: SIDE, data: randomFillSync(new Uint8Array(SIDE * SIDE * 3)) };

const NOISE = pictureEnv('Noise-v0', () => NOISE_FRAME);

/** A final text frame, masked (clients must mask) with an all-zero key so the payload goes as is. */
function clientFrame(msg: unknown): Buffer {
  const text = Buffer.from(JSON.stringify(msg));
  if (text.length > 125) throw new RangeError('this test helper writes only short frames');
  return Buffer.concat([Buffer.from([0x81, 0x80 | text.length, 0, 0, 0, 0]), text]);
}

/** Opens /ws over a bare TCP socket, sends `messages`, then never reads again. */
async function stalledViewer(port: number, messages: unknown[]) {
  const sock = tcpConnect(port, '127.0.0.1');
  await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
  sock.write(`GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  await new Promise<void>((resolve) => sock.once('data', () => resolve()));
  sock.pause();
  sock.write(Buffer.concat(messages.map(clientFrame)));
  return sock;
}

t.test('a viewer that never reads holds at most one frame beyond the limit', async (t) => {
  const { server, connect } = await startServer(t, [NOISE], { viewer: { port: 0 } });
  const env = await connect().make('Noise-v0');
  const agent = runAgent(env);
  t.teardown(() => agent.stop());
  const hub = server.viewer!.hub;
  const stalled = await stalledViewer(server.viewer!.port, [{ type: 'watch', session: env.sessionId, fps: 60 }]);
  t.teardown(() => stalled.destroy());

  const healthy = await openViewer(t, `ws://127.0.0.1:${server.viewer!.port}/ws`);
  healthy.send({ type: 'watch', session: env.sessionId, fps: 60 });
  let maxQueued = 0;
  const sample = async () => {
    await new Promise((r) => setTimeout(r, 20));
    maxQueued = Math.max(maxQueued, hub.queuedBytes);
  };
  for (const give = Date.now() + 60_000; maxQueued === 0 && Date.now() < give; ) await sample();
  t.ok(maxQueued > 0, "the stalled viewer's socket backed up");
  const framesAtBackup = healthy.got.binary.length;
  for (const give = Date.now() + 60_000; healthy.got.binary.length < framesAtBackup + 20 && Date.now() < give; ) await sample();
  t.ok(healthy.got.binary.length >= framesAtBackup + 20, 'the healthy viewer kept receiving frames meanwhile (20 more)');
  const frameBytes = Math.max(...healthy.got.binary.map((f) => f.payload.length)) + 1024;
  t.ok(maxQueued <= MAX_BUFFERED + frameBytes, `queued bytes stayed under the limit plus one frame (${maxQueued} <= ${MAX_BUFFERED} + ${frameBytes})`);
  t.ok(agent.steps > 0, 'the agent kept stepping');
});

t.test('a viewer that floods requests without reading holds at most the limit', async (t) => {
  const { server, connect } = await startServer(t, [NOISE], { viewer: { port: 0 } });
  const env = await connect().make('Noise-v0');
  await env.reset();
  const hub = server.viewer!.hub;
  // Each request gets a reply of about 150 bytes: 200,000 of them would queue ~30 MB if replies ignored backpressure.
  const requests = [{ type: 'watch', session: env.sessionId, fps: 1 }, ...Array.from({ length: 200_000 }, (_, i) => (i % 2 ? { type: 'record' } : { type: 'nope' }))];
  const flooder = await stalledViewer(server.viewer!.port, requests);
  t.teardown(() => flooder.destroy());
  let maxQueued = 0;
  for (const give = Date.now() + 60_000; flooder.writableLength > 0 && Date.now() < give; ) {
    await new Promise((r) => setTimeout(r, 20));
    maxQueued = Math.max(maxQueued, hub.queuedBytes);
  }
  t.equal(flooder.writableLength, 0, 'the server read every request');
  await new Promise((r) => setTimeout(r, 200));
  maxQueued = Math.max(maxQueued, hub.queuedBytes);
  t.ok(maxQueued > 0, `replies backed up (${maxQueued} bytes)`);
  t.ok(maxQueued <= MAX_BUFFERED + 1024, `replies stopped at the limit (${maxQueued} <= ${MAX_BUFFERED} + 1024)`);
});
