// Tells binding.gyp where libtorch is: $LIBTORCH (an unpacked libtorch or a pip PyTorch's torch/ folder, e.g.
// for CUDA) or else Debian's libtorch-dev. Usage: node libtorch.cjs cflags|ldflags|libs
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function fail(message) {
  process.stderr.write(`libtorch: ${message}\n`);
  process.exit(1);
}

// The C++ standard this libtorch needs, as it states it: ATen.h refuses older modes with an #error on __cplusplus
// (C++20 from PyTorch 2.14 on), and TorchConfig.cmake names a CXX_STANDARD. binding.gyp's C++17 is the floor.
function standard(include, config) {
  const aten = fs.readFileSync(path.join(include, 'ATen', 'ATen.h'), 'utf8');
  const years = { 201402: 14, 201703: 17, 202002: 20, 202302: 23 };
  const needed = [17];
  for (const m of aten.matchAll(/__cplusplus\s*<\s*(\d{4})(\d{2})L/g)) needed.push(years[m[1] + m[2]] ?? 17);
  if (fs.existsSync(config)) {
    const m = /CXX_STANDARD\s+(\d+)/.exec(fs.readFileSync(config, 'utf8'));
    if (m) needed.push(Number(m[1]));
  }
  const std = Math.max(...needed);
  return std > 17 ? [`-std=c++${std}`] : [];
}

function locate() {
  const root = process.env.LIBTORCH;
  if (root) {
    const include = path.join(root, 'include');
    const lib = path.join(root, 'lib');
    if (!fs.existsSync(path.join(include, 'ATen', 'ATen.h')) || !fs.existsSync(path.join(lib, 'libtorch.so')))
      fail(`LIBTORCH=${root} has no include/ATen/ATen.h and lib/libtorch.so; point it at a libtorch folder or a pip PyTorch's site-packages/torch`);
    // CUDA kernels live in libtorch_cuda.so, which nothing references by symbol: keep it linked or CUDA stays
    // unavailable at run time (the same trick as the Rust tch crate).
    const cuda = fs.existsSync(path.join(lib, 'libtorch_cuda.so'))
      ? ['-Wl,--no-as-needed', '-ltorch_cuda', '-lc10_cuda', '-Wl,--as-needed']
      : [];
    // pip wheels before 2.7 use the pre-C++11 string ABI; TorchConfig.cmake records which one.
    const config = path.join(root, 'share', 'cmake', 'Torch', 'TorchConfig.cmake');
    const abi = fs.existsSync(config) ? /_GLIBCXX_USE_CXX11_ABI=(\d)/.exec(fs.readFileSync(config, 'utf8')) : null;
    const api = path.join(include, 'torch', 'csrc', 'api', 'include');
    return {
      cflags: [`-I${include}`, `-I${api}`, ...standard(include, config), ...(abi ? [`-D_GLIBCXX_USE_CXX11_ABI=${abi[1]}`] : [])],
      ldflags: [`-L${lib}`, `-Wl,-rpath,${lib}`],
      libs: [...cuda, '-ltorch', '-ltorch_cpu', '-lc10'],
    };
  }
  const api = '/usr/include/torch/csrc/api/include';
  if (!fs.existsSync(path.join(api, 'torch', 'version.h')))
    fail(`no libtorch found: install Debian's libtorch-dev (npm run setup) or set LIBTORCH to a libtorch folder`);
  return {
    cflags: [`-I${api}`, ...standard('/usr/include', '/usr/lib/x86_64-linux-gnu/cmake/Torch/TorchConfig.cmake')],
    ldflags: [],
    libs: ['-ltorch', '-ltorch_cpu', '-lc10'],
  };
}

const what = process.argv[2];
const found = locate();
if (!(what in found)) fail(`unknown query '${what}' (allowed: cflags, ldflags, libs)`);
process.stdout.write(found[what].join(' ') + '\n');
