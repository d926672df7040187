#!/usr/bin/env bash
# Installs everything Stadium needs on a fresh Debian 12 machine with Node 20 (run as root, or with sudo),
# then builds the TypeScript, the WebAssembly emulator and the libtorch addon.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: the libtorch engine (and Python's torch for the engine benchmark) with the C++ compiler and
# make that node-gyp builds its addon with, OpenBLAS (Debian's libtorch otherwise multiplies matrices with the
# reference BLAS, 14x slower on a 64x256 by 256x256 product here), dasm for the test ROMs, Chromium for the viewer's browser tests,
# openssl (test certificates) and iproute2 (the multi-host test's network namespaces); for the Python client
# (agent-client/python) gRPC, protobuf and numpy for Debian's python3, protoc to compile the proto at build time,
# (with libprotobuf-dev for the well-known types it imports) and venv/pip/setuptools to install it offline in the tests.
APT_PACKAGES=(libtorch-dev libopenblas0-pthread python3-torch g++ make dasm chromium openssl iproute2
  python3-grpcio python3-protobuf python3-numpy protobuf-compiler libprotobuf-dev python3-venv python3-pip python3-setuptools)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-fund --no-audit
npm run build
