#!/usr/bin/env bash
# The GPU check in one command, for a machine with CUDA PyTorch, g++ and make but no Node, npm or network:
#   scripts/gpu-check.sh [--cpu] [--minutes M] [--results DIR] [--tests "FILE…" | --skip-tests] [--rom-dir DIR]
# 1. Node from .gpu-bundle/nodejs_*.deb (unpacked with dpkg -x into build/gpu-node), else the node on PATH;
# 2. node_modules from .gpu-bundle/node_modules.tar.xz when there is none, and then dist/ compiled from the tree and
#    the bundle's emulator (elsewhere the outputs of npm run build are used as they are);
# 3. the addon built against the torch that python3 imports (LIBTORCH to choose another), its C++ ABI and standard
#    taken from that torch (agent-client/torch/libtorch.cjs) and cross-checked with torch._C._GLIBCXX_USE_CXX11_ABI;
# 4. the engine's tests (dist/test/torch/*.test.js; those with a CUDA branch take it when CUDA is available, and
#    the check refuses to go on without CUDA unless --cpu);
# 5. an env server on this machine's cores and the Pong preset trained for M minutes (default 10) on CUDA;
# 6. steps/s, peak memory, the return curve and the time to a mean return of -15, 0 and 19 over 100 episodes.
# Everything printed also goes to the results folder (default runs/gpu-check-<UTC time>): check.log, env.txt,
# build-native.log, tests.tap, server.log, train.log, run/ (metrics.jsonl, checkpoint), memory.tsv, curve.tsv,
# summary.json. Prepare the bundle beforehand with scripts/gpu-bundle.sh on a machine with Node and npm.
#
# --cpu runs the same on a CPU machine against Debian's libtorch-dev, so every step but CUDA can be tried before
# GPU time is spent (test/gpu/gpu-check.test.ts does so in CI with a short budget). The exit status is 0 only if
# every step passed. A second call on the same machine finds Node, node_modules, dist/ and the addon in place (all
# ignored outputs) and, with --skip-tests, spends its time on training.
set -uo pipefail
caller=$(pwd)
cd "$(dirname "$0")/.."
repo=$(pwd)

usage() { sed -n '2,3p' "$0" | sed 's/^# *//' >&2; exit 2; }
device=cuda
minutes=10
results=""
tests=""
skipTests=false
romDir=""
while (($#)); do
  case "$1" in
    --cpu) device=cpu ;;
    --minutes) minutes=${2:?--minutes needs a number}; shift ;;
    --results) results=${2:?--results needs a folder}; shift ;;
    --tests) tests=${2:?--tests needs test files}; shift ;;
    --skip-tests) skipTests=true ;;
    --rom-dir) romDir=${2:?--rom-dir needs a folder}; shift ;;
    -h | --help) usage ;;
    *) echo "gpu-check: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done
[[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]] && awk -v m="$minutes" 'BEGIN { exit !(m > 0) }' || { echo "gpu-check: --minutes must be a positive number, got '$minutes'" >&2; exit 2; }
# Folders given on the command line are relative to where it was run; test files to the repository.
if [ -n "$results" ] && [[ "$results" != /* ]]; then results=$caller/$results; fi
if [ -n "$romDir" ] && [[ "$romDir" != /* ]]; then romDir=$caller/$romDir; fi
results=${results:-runs/gpu-check-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$results" || exit 2
results=$(cd "$results" && pwd)
bundle=$repo/.gpu-bundle
exec > >(tee -a "$results/check.log") 2>&1

failures=()
pids=()
scratch=$(mktemp -d)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  rm -rf "$scratch"
}
trap cleanup EXIT
step() { printf '\n== %s (%ds)\n' "$*" "$SECONDS"; }
fatal() {
  echo "gpu-check: $*"
  echo "gpu-check: FAILED (stopped at this step); results in $results"
  exit 1
}

step "Node"
deb=$(ls "$bundle"/nodejs_*.deb 2>/dev/null | head -n 1)
if [ -n "$deb" ]; then
  root=$repo/build/gpu-node
  if [ "$(cat "$root/.deb" 2>/dev/null)" != "$(basename "$deb")" ]; then
    rm -rf "$root"
    mkdir -p "$root"
    if command -v dpkg >/dev/null; then
      dpkg -x "$deb" "$root" || fatal "dpkg -x $deb failed"
    else
      # No dpkg: a .deb is an ar archive holding data.tar.xz.
      (cd "$scratch" && ar x "$deb" data.tar.xz) && tar -xJf "$scratch/data.tar.xz" -C "$root" || fatal "cannot unpack $deb"
    fi
    basename "$deb" >"$root/.deb"
  fi
  export PATH="$root/usr/bin:$PATH"
  echo "node from $(basename "$deb")"
fi
command -v node >/dev/null || fatal "no Node: run scripts/gpu-bundle.sh on a machine with Node and npm and carry .gpu-bundle"
nodeVersion=$(node -v)
[ "$(node -p 'Number(process.versions.node.split(".")[0])')" -ge 20 ] || fatal "Node $nodeVersion is too old (package.json: >= 20)"
echo "node $nodeVersion at $(command -v node)"
gyp=$(dirname "$(readlink -f "$(command -v node)")")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
if ! command -v node-gyp >/dev/null; then
  [ -f "$gyp" ] || fatal "no node-gyp (looked for npm's copy at $gyp)"
  mkdir -p "$scratch/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$gyp" >"$scratch/bin/node-gyp"
  chmod +x "$scratch/bin/node-gyp"
  export PATH="$scratch/bin:$PATH"
fi

step "npm dependencies, TypeScript, emulator"
# On the GPU machine node_modules comes from the bundle, and dist/ and the emulator are rebuilt from the tree on
# every call (it may have changed since the last one; ignored outputs stay between calls). Elsewhere (CI, --cpu
# here) they are the ones `npm run build` made, left alone since other tests may be reading them.
marker=node_modules/.from-gpu-bundle
if [ -e node_modules ]; then
  echo "node_modules: present"
elif [ -f "$bundle/node_modules.tar.xz" ]; then
  if command -v xz >/dev/null; then
    tar -xJf "$bundle/node_modules.tar.xz" || fatal "cannot unpack node_modules.tar.xz"
  else
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(".")' "$bundle/node_modules.tar.xz" || fatal "cannot unpack node_modules.tar.xz"
  fi
  touch "$marker"
  echo "node_modules: unpacked from the bundle ($(ls node_modules | wc -l) entries)"
else
  fatal "no node_modules and no $bundle/node_modules.tar.xz (scripts/gpu-bundle.sh makes it)"
fi
if [ -f "$marker" ] || [ ! -f dist/agent-client/cli.js ]; then
  # Emitted without type checking (done where the bundle was made): the bundle leaves out the type packages
  # of the browser and deployment tests, which do not run here.
  node node_modules/typescript/bin/tsc -p tsconfig.json --noCheck || fatal "TypeScript build failed"
  echo "dist/: compiled"
else
  echo "dist/: present, not rebuilt (npm run build:ts rebuilds it)"
fi
if [ -f "$marker" ] && [ -f "$bundle/ale.wasm" ]; then
  mkdir -p build/ale && cp "$bundle/ale.wasm" build/ale/ && echo "build/ale/ale.wasm: from the bundle"
elif [ -f build/ale/ale.wasm ]; then
  echo "build/ale/ale.wasm: present"
else
  fatal "no build/ale/ale.wasm (npm run build:wasm:ale) and no bundle"
fi

step "libtorch"
for tool in g++ make python3; do command -v "$tool" >/dev/null || fatal "$tool is needed to build the addon (node-gyp)"; done
python=$(command -v python3)
if [ "$device" = cpu ]; then
  unset LIBTORCH
  echo "Debian's libtorch-dev (--cpu)"
  expectAbi=""
else
  probe=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__)); print(int(torch._C._GLIBCXX_USE_CXX11_ABI)); print(torch.__version__, "CUDA", torch.version.cuda, "available" if torch.cuda.is_available() else "NOT available")') ||
    fatal "$python cannot import torch: set LIBTORCH to a CUDA libtorch folder"
  export LIBTORCH=${LIBTORCH:-$(sed -n 1p <<<"$probe")}
  expectAbi=$(sed -n 2p <<<"$probe")
  echo "python torch $(sed -n 3p <<<"$probe"); LIBTORCH=$LIBTORCH"
fi
cflags=$(node agent-client/torch/libtorch.cjs cflags) || fatal "libtorch not usable"
echo "cflags:  $cflags"
echo "ldflags: $(node agent-client/torch/libtorch.cjs ldflags)"
echo "libs:    $(node agent-client/torch/libtorch.cjs libs)"
if [ -n "$expectAbi" ]; then
  abi=$(grep -o '_GLIBCXX_USE_CXX11_ABI=[01]' <<<"$cflags" | cut -d= -f2)
  # Without the define g++ uses the C++11 ABI (1).
  [ "${abi:-1}" = "$expectAbi" ] || fatal "the addon would build with _GLIBCXX_USE_CXX11_ABI=${abi:-1 (default)} but this torch uses $expectAbi"
  echo "C++ ABI: _GLIBCXX_USE_CXX11_ABI=$expectAbi, as torch._C reports"
fi

step "addon build"
bash agent-client/torch/build-native.sh >"$results/build-native.log" 2>&1 || { tail -n 40 "$results/build-native.log"; fatal "addon build failed (build-native.log)"; }
tail -n 1 "$results/build-native.log"

step "engine"
# shellcheck disable=SC2016
node --input-type=module -e '
  const torch = await import("./dist/agent-client/torch/index.js");
  const cuda = torch.cuda.isAvailable();
  console.log(`libtorch ${torch.libtorchVersion()}, CUDA ${cuda ? `available, ${torch.cuda.deviceCount()} device(s)` : "not available"}, ${torch.getNumThreads()} threads`);
  if (process.argv[1] === "cuda" && !cuda) {
    console.log("CUDA is required (without --cpu); the tests would silently take their CPU branches");
    process.exit(1);
  }' "$device" || fatal "the addon does not load or has no CUDA"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "host: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)" GiB"}' /proc/meminfo)"
  echo "node: $nodeVersion"
  echo "g++: $(g++ -dumpfullversion)"
  echo "git: $(git rev-parse HEAD 2>/dev/null || echo unknown)"
  [ "$device" = cpu ] || { echo "python torch: $(sed -n 3p <<<"$probe")"; nvidia-smi -L 2>/dev/null; nvidia-smi --query-gpu=driver_version,memory.total --format=csv,noheader 2>/dev/null; }
} | tee "$results/env.txt"

step "engine tests"
# Each file runs as its own process, printing TAP; a failure is recorded and the check goes on to the training run.
if [ -z "$tests" ]; then tests=$(ls dist/test/torch/*.test.js); fi
$skipTests && tests="" && echo "skipped (--skip-tests)"
for f in $tests; do
  echo "# $f" >>"$results/tests.tap"
  if node "$f" >>"$results/tests.tap" 2>&1; then
    echo "ok     $f"
  else
    echo "FAILED $f"
    failures+=("test $f")
  fi
done
[ -f "$results/tests.tap" ] && grep -E '^\s*not ok' "$results/tests.tap" | head -n 20

step "env server"
romDir=${romDir:-$([ -f "$bundle/roms/pong.bin" ] && echo "$bundle/roms" || echo "$repo/../shared/roms")}
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
node dist/env-server/cli.js serve --port "$port" --rom-dir "$romDir" >"$results/server.log" 2>&1 &
server=$!
pids+=("$server")
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$results/server.log"; fatal "the env server exited"; }
  sleep 0.5
done
echo "serving on 127.0.0.1:$port with ROMs from $romDir (server.log)"

step "training: Pong preset, $minutes min, device $device"
train=(node dist/agent-client/cli.js train --preset dqn-pong --server "127.0.0.1:$port" --minutes "$minutes" --run-dir "$results/run" --device "$device")
echo "${train[*]}"
if [ "$device" = cuda ]; then
  echo "GPU memory in use before training: $(nvidia-smi --query-gpu=memory.used --format=csv,noheader 2>/dev/null | head -n 1)"
fi
# The preset stops itself after M minutes; past that plus a margin for set-up and its final evaluation, Ctrl-C
# (which saves a checkpoint), then a kill a minute later.
limit=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 * 1.2 + 300 }')
timeout --signal=INT --kill-after=60 "$limit" "${train[@]}" > >(tee "$results/train.log") 2>&1 &
agent=$!
pids+=("$agent")
(
  while kill -0 "$agent" 2>/dev/null; do
    if [ "$device" = cuda ]; then
      used=$(nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -i 0 2>/dev/null)
      [ -n "$used" ] && printf '%d\tGPU memory used (nvidia-smi, whole GPU 0)\t%d\n' "$SECONDS" "$used"
    else
      # The node process is a child of timeout (as is the tee of its output).
      for p in $(cat "/proc/$agent/task/$agent/children" 2>/dev/null); do
        [ "$(cat "/proc/$p/comm" 2>/dev/null)" = node ] || continue
        rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$p/status" 2>/dev/null)
        [ -n "$rss" ] && printf '%d\tagent process RSS\t%d\n' "$SECONDS" "$rss"
      done
    fi
    sleep 2
  done
) >"$results/memory.tsv" 2>/dev/null &
pids+=("$!")
wait "$agent"
status=$?
[ "$status" = 124 ] && echo "gpu-check: training ran past ${limit}s and was interrupted"
[ "$status" = 0 ] || failures+=("training (exit status $status)")
kill -TERM "$server" 2>/dev/null
wait "$server" 2>/dev/null

step "summary"
node dist/test/bench/gpu-check-summary.js "$results" "$device" "$minutes" | tee "$results/summary.txt" || failures+=("summary")

echo
if ((${#failures[@]})); then
  printf 'gpu-check: FAILED: %s\n' "${failures[@]}"
  echo "results in $results"
  exit 1
fi
echo "gpu-check: every step passed in ${SECONDS}s; results in $results"
