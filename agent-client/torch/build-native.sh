#!/usr/bin/env bash
# Builds the libtorch addon (run through `npm run build:native`, which puts npm's bundled node-gyp on PATH).
# Node's headers are taken from the Node installation itself so that nothing is downloaded; make only
# recompiles translation units whose sources or flags changed.
set -euo pipefail
cd "$(dirname "$0")"
nodedir=$(node -p "require('node:path').resolve(process.execPath, '../..')")
args=()
if [ -f "$nodedir/include/node/common.gypi" ]; then args+=("--nodedir=$nodedir"); fi
node-gyp configure "${args[@]}"
node-gyp build --jobs 2
