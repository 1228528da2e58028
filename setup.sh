#!/usr/bin/env bash
# Installs gatelab's dependencies (Debian packages) when any is missing, then configures
# and builds with a CMake preset.
#   bash setup.sh         Release build in build/
#   bash setup.sh asan    AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
#   bash setup.sh fuzz    the libFuzzer targets (Clang) in build-fuzz/: tests/fuzz/run.sh SECONDS
set -euo pipefail
cd "$(dirname "$0")"
preset=${1:-default}

packages=(g++ make cmake pkg-config libboost-program-options-dev libfmt-dev nlohmann-json3-dev
          libgraphviz-dev graphviz libplplot-dev libmd4c-dev catch2 libbenchmark-dev)
# Only the fuzz build needs Clang and its libFuzzer runtime (compiler-rt).
if [ "$preset" = fuzz ]; then packages+=(clang libclang-rt-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
