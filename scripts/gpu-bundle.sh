#!/usr/bin/env bash
# Prepares, on a machine with Node, npm's install and Debian's archive, what scripts/gpu-check.sh needs on a GPU
# machine that has CUDA PyTorch, g++ and make but no Node, no npm and no network:
#   .gpu-bundle/nodejs_*.deb        Node (>= 20, what package.json's engines asks), unpacked there with dpkg -x
#   .gpu-bundle/node_modules.tar.xz the production dependencies, plus TypeScript and tap to build and test there
#   .gpu-bundle/ale.wasm            the emulator (built here: AssemblyScript is not carried)
#   .gpu-bundle/roms/pong.bin       the Pong ROM from ../shared/roms (never committed)
# The folder is ignored by git; carry it with the tree (the device tool's carry: [".gpu-bundle"]). It must stay
# under 64 MiB, the most that travels with the tree.
#
# Node: Debian 12's own nodejs is 18.20.4, below our engines (>= 20), and it is a thin package over libnode108,
# which needs libuv1, libicu72, libc-ares2, libnghttp2-14, libbrotli1, libssl3, zlib1g and the node-acorn,
# node-cjs-module-lexer and node-undici packages, none of which such a machine need have. So the
# bundle takes `apt-get download nodejs` only when the archive offers 20 or later as one self-contained package;
# otherwise it repacks the nodejs package installed here (NodeSource's 20.x on this project's machines: one
# binary with ICU, OpenSSL and libuv built in, needing only glibc >= 2.28 and libstdc++, with npm's node-gyp and
# Node's headers for the addon build) into a .deb with dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.gpu-bundle
limit=$((64 * 1024 * 1024))
rm -rf "$out"
mkdir -p "$out/roms"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

major() { echo "${1%%.*}" | sed 's/^[0-9]*://'; }

echo "gpu-bundle: Node"
deb=""
if (cd "$work" && apt-get download nodejs >/dev/null 2>&1); then
  candidate=$(ls "$work"/nodejs_*.deb)
  version=$(dpkg-deb -f "$candidate" Version)
  depends=$(dpkg-deb -f "$candidate" Depends)
  if [ "$(major "$version")" -ge 20 ] && ! grep -q libnode <<<"$depends"; then
    deb=$candidate
    echo "  apt-get download nodejs: $version"
  else
    echo "  apt-get download nodejs gives $version (depends: ${depends:-none}): not usable (needs >= 20, self-contained)"
  fi
fi
if [ -z "$deb" ]; then
  version=$(dpkg-query -W -f='${Version}' nodejs 2>/dev/null || true)
  [ -n "$version" ] || { echo "gpu-bundle: no nodejs package installed and none >= 20 in the archive" >&2; exit 1; }
  [ "$(major "$version")" -ge 20 ] || { echo "gpu-bundle: the installed nodejs is $version; need >= 20" >&2; exit 1; }
  unexpected=$(ldd /usr/bin/node | awk '{print $1}' | grep -Ev '^(linux-vdso|/lib64/ld-linux|libc\.|libm\.|libdl\.|libpthread\.|libstdc\+\+\.|libgcc_s\.)' || true)
  [ -z "$unexpected" ] || { echo "gpu-bundle: /usr/bin/node needs libraries a bare machine may lack: $unexpected" >&2; exit 1; }
  echo "  repacking the installed nodejs $version (apt offers no self-contained Node >= 20)"
  root="$work/nodejs"
  mkdir -p "$root/DEBIAN"
  # Files and links only (directories come with them); documentation and man pages are left out to save space.
  # npm's folder is copied as it is on disk: `npm install -g npm` updates it in place, beyond dpkg's file list.
  dpkg -L nodejs | grep -Ev '^/usr/share/(doc|man)/|^/usr/lib/node_modules/npm/' | while read -r f; do
    if [ -f "$f" ] || [ -L "$f" ]; then (cd / && cp -a --parents "${f#/}" "$root"); fi
  done
  (cd / && cp -a --parents usr/lib/node_modules/npm "$root")
  dpkg-query -W -f='Package: ${Package}\nVersion: ${Version}\nArchitecture: ${Architecture}\nMaintainer: ${Maintainer}\nDescription: ${binary:Summary}\n' nodejs >"$root/DEBIAN/control"
  dpkg-deb -Zxz --root-owner-group --build "$root" "$work/nodejs_${version}_repacked.deb" >/dev/null
  deb="$work/nodejs_${version}_repacked.deb"
fi
cp "$deb" "$out/"

echo "gpu-bundle: npm dependencies (production, plus typescript, @types/node and tap to build and test)"
node --input-type=commonjs - tap typescript @types/node >"$work/deps.txt" <<'EOF'
// The installed package folders that the production dependencies and the named tools need, found the way
// Node resolves them (walking up node_modules folders), optional dependencies included when installed.
const fs = require('node:fs');
const path = require('node:path');
const repo = process.cwd();
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const found = new Set();
function locate(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === repo || dir === path.dirname(dir)) return null;
  }
}
function visit(name, from, optional) {
  const dir = locate(name, from);
  if (!dir) {
    if (optional) return;
    throw new Error(`${name} (needed by ${path.relative(repo, from) || 'package.json'}) is not installed: run npm ci`);
  }
  if (found.has(dir)) return;
  found.add(dir);
  const p = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const d of Object.keys(p.dependencies ?? {})) visit(d, dir, false);
  for (const d of Object.keys(p.optionalDependencies ?? {})) visit(d, dir, true);
}
for (const name of [...Object.keys(pkg.dependencies), ...process.argv.slice(2)]) visit(name, repo, false);
const dirs = [...found].map((d) => path.relative(repo, d)).sort();
// A folder inside another listed one travels with it.
console.log(dirs.filter((d) => !dirs.some((o) => o !== d && d.startsWith(o + '/'))).join('\n'));
EOF
tar -chf - -T "$work/deps.txt" | xz -6 -T2 >"$out/node_modules.tar.xz"
echo "  $(wc -l <"$work/deps.txt") package folders"

echo "gpu-bundle: emulator"
npm run -s build:wasm:ale >/dev/null
cp build/ale/ale.wasm "$out/"

rom=../shared/roms/pong.bin
if [ -f "$rom" ]; then
  cp "$rom" "$out/roms/"
else
  echo "gpu-bundle: $rom not found: the Pong run will need --rom-dir on the GPU machine" >&2
fi

size=$(du -sb "$out" | cut -f1)
(cd "$out" && find . -type f -printf '%10s  %p\n' | sort -k2) | tee "$out/MANIFEST"
echo "gpu-bundle: $out is $((size / 1024 / 1024)) MiB (limit $((limit / 1024 / 1024)) MiB)"
[ "$size" -le "$limit" ] || { echo "gpu-bundle: too large to carry" >&2; exit 1; }
