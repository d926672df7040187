// Checkpoints as safetensors: the byte layout against the format's definition, round trips of every dtype, a
// file assembled by hand, corrupt input, and Python reading our file when a python3 with torch is installed.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as torch from '../../agent-client/torch/index.js';
import { findPythonWithTorch } from './python.js';

const { nn } = torch;

t.test('layout: u64 LE header length, JSON header padded to 8 bytes, raw data at the stated offsets', (t) => {
  torch.tidy(() => {
    const file = torch.serialize({ a: torch.tensor(Float32Array.from([1.5, -2])), b: torch.tensor(Uint8Array.from([7, 8, 9]), { shape: [3, 1] }) }, { step: '10' });
    const n = Number(file.readBigUInt64LE(0));
    t.equal(n % 8, 0, 'header length is a multiple of 8');
    const header = JSON.parse(file.subarray(8, 8 + n).toString());
    t.same(header, {
      __metadata__: { step: '10' },
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      b: { dtype: 'U8', shape: [3, 1], data_offsets: [8, 11] },
    });
    const data = file.subarray(8 + n);
    t.equal(data.length, 11);
    t.same([data.readFloatLE(0), data.readFloatLE(4)], [1.5, -2]);
    t.same([...data.subarray(8)], [7, 8, 9]);
  });
  t.end();
});

t.test('every dtype survives a round trip', (t) => {
  torch.tidy(() => {
    const src = torch.tensor([[0, 1.5, -3], [100, 0.25, 1]]);
    const dtypes = ['float32', 'float64', 'float16', 'bfloat16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool'] as const;
    const tensors = Object.fromEntries(dtypes.map((d) => [d, src.abs().to(d)]));
    const { tensors: back, metadata } = torch.deserialize(torch.serialize(tensors));
    t.same(metadata, {});
    for (const d of dtypes) {
      t.equal(back[d].dtype, d);
      t.same(back[d].shape, [2, 3]);
      t.same(back[d].toArray(), tensors[d].toArray(), `${d} values`);
    }
  });
  t.end();
});

t.test('reads a file assembled by hand from the format definition', (t) => {
  torch.tidy(() => {
    const header = Buffer.from(JSON.stringify({ x: { dtype: 'I64', shape: [2], data_offsets: [0, 16] }, y: { dtype: 'F64', shape: [], data_offsets: [16, 24] } }));
    const data = Buffer.alloc(24);
    data.writeBigInt64LE(-5n, 0);
    data.writeBigInt64LE(2n ** 40n, 8);
    data.writeDoubleLE(Math.PI, 16);
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    const { tensors } = torch.deserialize(Buffer.concat([len, header, data]));
    t.same(tensors.x.data(), BigInt64Array.from([-5n, 2n ** 40n]));
    t.same(tensors.y.shape, []);
    t.equal(tensors.y.item(), Math.PI);
  });
  t.end();
});

t.test('corrupt files give clear errors', (t) => {
  const len = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  t.throws(() => torch.deserialize(Buffer.alloc(3)), /shorter than its 8-byte header length/);
  t.throws(() => torch.deserialize(Buffer.concat([len(100), Buffer.from('{}')])), /header length 100 exceeds the file size/);
  t.throws(() => torch.deserialize(Buffer.concat([len(2), Buffer.from('{x')])), /header is not JSON/);
  const h = (entry: object) => {
    const json = Buffer.from(JSON.stringify({ w: entry }));
    return Buffer.concat([len(json.length), json, Buffer.alloc(4)]);
  };
  t.throws(() => torch.deserialize(h({ dtype: 'C64', shape: [1], data_offsets: [0, 4] })), /unsupported dtype 'C64'/);
  t.throws(() => torch.deserialize(h({ dtype: 'F32', shape: [2], data_offsets: [0, 8] })), /byte range \[0, 8\) outside the data \(4 bytes\)/);
  t.throws(() => torch.deserialize(h({ dtype: 'F32', shape: [2], data_offsets: [0, 4] })), /4 bytes but shape \[2\] of float32 needs 8/);
  t.end();
});

t.test('a module state dict saved to disk loads back into a fresh module', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-torch-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const make = () => new nn.Sequential(new nn.Conv2d(2, 3, 2), new nn.ReLU(), new nn.Flatten(), new nn.Linear(12, 2));
  const a = make();
  const b = make();
  const path = join(dir, 'net.safetensors');
  await torch.save(a.stateDict(), path);
  const loaded = await torch.load(path);
  b.loadStateDict(loaded);
  torch.tidy(() => {
    const x = torch.randn([1, 2, 3, 3]);
    t.same(b.forward(x).toArray(), a.forward(x).toArray(), 'same outputs after loading');
  });
  a.dispose();
  b.dispose();
});

const python = findPythonWithTorch();
// Uses the safetensors package when Python has it; otherwise reads the file following the format definition.
const READER = `
import json, struct, sys, torch
path = sys.argv[1]
try:
    from safetensors.torch import load_file
    tensors = load_file(path)
except ImportError:
    codes = {'F32': torch.float32, 'F64': torch.float64, 'I64': torch.int64, 'U8': torch.uint8, 'BF16': torch.bfloat16}
    raw = open(path, 'rb').read()
    (n,) = struct.unpack('<Q', raw[:8])
    header = json.loads(raw[8:8 + n])
    header.pop('__metadata__', None)
    tensors = {}
    for name, e in header.items():
        b, end = e['data_offsets']
        chunk = bytearray(raw[8 + n + b:8 + n + end])
        tensors[name] = torch.frombuffer(chunk, dtype=codes[e['dtype']]).reshape(e['shape'])
print(json.dumps({k: {'dtype': str(v.dtype), 'shape': list(v.shape), 'values': v.double().flatten().tolist()} for k, v in tensors.items()}))
`;

t.test('Python PyTorch reads our checkpoint', { skip: python ? false : 'no python3 with torch installed' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stadium-torch-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'ckpt.safetensors');
  const expected = torch.tidy(() => ({
    w: torch.tensor([[1.5, -2], [3, 4]]),
    steps: torch.tensor(BigInt64Array.from([123456789012n])),
    frame: torch.tensor(Uint8Array.from([0, 255, 7]), { shape: [1, 3] }),
    d: torch.tensor([Math.PI], { dtype: 'float64' }),
    h: torch.tensor([0.5, -1], { dtype: 'bfloat16' }),
  }));
  await torch.save(expected, path, { format: 'pt' });
  const seen = JSON.parse(execFileSync(python!, ['-c', READER, path], { encoding: 'utf8' }));
  const torchNames: Record<string, string> = { float32: 'torch.float32', int64: 'torch.int64', uint8: 'torch.uint8', float64: 'torch.float64', bfloat16: 'torch.bfloat16' };
  for (const [name, tensor] of Object.entries(expected)) {
    t.same(seen[name], { dtype: torchNames[tensor.dtype], shape: tensor.shape, values: tensor.toArray() }, name);
    tensor.dispose();
  }
});
