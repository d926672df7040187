// The APNG writer, read back by an independent reader: chunk order and CRCs, animation control, contiguous
// sequence numbers, delays, and every frame's pixels.

import t from 'tap';
import { compressFrame, encodeApng } from '../../env-server/viewer/apng.js';
import { crc32, readApng } from './apng-reader.js';

const frame = (w: number, h: number, seed: number) => ({ width: w, height: h, data: Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 37 + seed * 101) & 0xff) });

t.test('the reader CRC-32 matches the PNG specification check value', async (t) => {
  t.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  t.equal(crc32(Buffer.from('IEND')), 0xae426082, 'the CRC every PNG ends with');
});

t.test('three frames round-trip', async (t) => {
  const frames = [frame(5, 3, 0), frame(5, 3, 1), frame(5, 3, 2)];
  const png = encodeApng(await Promise.all(frames.map(compressFrame)), 50);
  const a = readApng(png);
  t.same(a.chunkTypes, ['IHDR', 'acTL', 'fcTL', 'IDAT', 'fcTL', 'fdAT', 'fcTL', 'fdAT', 'IEND'], 'acTL before the image data; the first frame is the default image');
  t.match(a, { width: 5, height: 3, bitDepth: 8, colourType: 2, numFrames: 3, numPlays: 0 });
  t.same(a.sequence, [0, 1, 2, 3, 4], 'fcTL and fdAT share one contiguous sequence from 0');
  t.equal(a.frames.length, 3);
  a.frames.forEach((f, i) => {
    t.match(f.control, { width: 5, height: 3, x: 0, y: 0, delayNum: 20, delayDen: 1000, dispose: 0, blend: 0 }, `frame ${i} control: 1/50 s`);
    t.same([...f.rgb], [...frames[i].data], `frame ${i} pixels`);
  });
});

t.test('a single frame is a valid still', async (t) => {
  const a = readApng(encodeApng([await compressFrame(frame(2, 2, 9))], 4));
  t.same(a.chunkTypes, ['IHDR', 'acTL', 'fcTL', 'IDAT', 'IEND']);
  t.equal(a.frames[0].control.delayNum, 250);
});

t.test('bad input is refused', async (t) => {
  t.throws(() => encodeApng([], 30), /at least one frame/);
  const a = await compressFrame(frame(2, 2, 0));
  const b = await compressFrame(frame(3, 2, 0));
  t.throws(() => encodeApng([a, b], 30), /must all be 2x2; frame 1 is 3x2/);
  t.throws(() => encodeApng([a], 0), /frame rate must be in \(0, 1000\], got 0/);
});
