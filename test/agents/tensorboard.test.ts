// The TFEvent writer: CRC-32C against published check values, and a written file read back with an independent
// decoder of the record framing and the Event/Summary protobuf fields.
import t from 'tap';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32c, maskedCrc32c } from '../../agent-client/tensorboard/crc32c.js';
import { EventWriter } from '../../agent-client/tensorboard/event-writer.js';

t.test('CRC-32C check values (RFC 3720 B.4 and the "123456789" check)', (t) => {
  t.equal(crc32c(new TextEncoder().encode('123456789')), 0xe3069283);
  t.equal(crc32c(new Uint8Array(32)), 0x8a9136aa, '32 zero bytes');
  t.equal(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43, '32 0xff bytes');
  t.equal(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i)), 0x46dd794e, 'bytes 0..31');
  const c = 0xe3069283;
  t.equal(maskedCrc32c(new TextEncoder().encode('123456789')), ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0);
  t.end();
});

function varint(b: Uint8Array, pos: { i: number }): bigint {
  let x = 0n;
  for (let shift = 0n; ; shift += 7n) {
    const byte = b[pos.i++];
    x |= BigInt(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return x;
  }
}

/** Field number → raw values (numbers for varint/fixed, byte arrays for length-delimited). */
function fields(b: Uint8Array): Map<number, (bigint | number | Uint8Array)[]> {
  const out = new Map<number, (bigint | number | Uint8Array)[]>();
  const pos = { i: 0 };
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (pos.i < b.length) {
    const key = Number(varint(b, pos));
    const [field, wire] = [key >> 3, key & 7];
    let v: bigint | number | Uint8Array;
    if (wire === 0) v = varint(b, pos);
    else if (wire === 1) (v = view.getFloat64(pos.i, true)), (pos.i += 8);
    else if (wire === 5) (v = view.getFloat32(pos.i, true)), (pos.i += 4);
    else {
      const n = Number(varint(b, pos));
      v = b.subarray(pos.i, pos.i + n);
      pos.i += n;
    }
    out.set(field, [...(out.get(field) ?? []), v]);
  }
  return out;
}

t.test('an event file reads back as framed Event records with the scalars', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tfevents-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const w = new EventWriter(dir);
  w.scalars(7, { 'episode/return': 21.5, loss: 0.25, skipped: NaN });
  t.match(readdirSync(dir)[0], /^events\.out\.tfevents\.\d+\./);
  const file = new Uint8Array(readFileSync(w.path));
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const records: Uint8Array[] = [];
  for (let off = 0; off < file.length; ) {
    const len = Number(view.getBigUint64(off, true));
    t.equal(view.getUint32(off + 8, true), maskedCrc32c(file.subarray(off, off + 8)), 'length CRC');
    const data = file.subarray(off + 12, off + 12 + len);
    t.equal(view.getUint32(off + 12 + len, true), maskedCrc32c(data), 'data CRC');
    records.push(data);
    off += 16 + len;
  }
  t.equal(records.length, 2);
  t.equal(new TextDecoder().decode(fields(records[0]).get(3)![0] as Uint8Array), 'brain.Event:2');
  const ev = fields(records[1]);
  t.equal(ev.get(2)![0], 7n, 'step');
  t.ok(Math.abs((ev.get(1)![0] as number) - Date.now() / 1000) < 60, 'wall time in seconds');
  const values = (fields(ev.get(5)![0] as Uint8Array).get(1) as Uint8Array[]).map((v) => {
    const f = fields(v);
    return [new TextDecoder().decode(f.get(1)![0] as Uint8Array), f.get(2)![0]];
  });
  t.same(values, [['episode/return', 21.5], ['loss', 0.25]], 'NaN scalars are left out');
  t.end();
});
