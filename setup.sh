#!/usr/bin/env bash
# Installs gatelab's dependencies (Debian packages) when any is missing, then configures
# and builds with a CMake preset.
#   bash setup.sh         Release build in build/
#   bash setup.sh asan    AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
set -euo pipefail
cd "$(dirname "$0")"
preset=${1:-default}

packages=(g++ make cmake pkg-config libboost-program-options-dev libfmt-dev nlohmann-json3-dev
          libgraphviz-dev graphviz libplplot-dev libmd4c-dev catch2 libbenchmark-dev help2man bash-completion)
bash packaging/install-missing.sh "${packages[@]}"

cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
