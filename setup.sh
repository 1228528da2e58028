#!/usr/bin/env bash
# Installs gatelab's dependencies (Debian packages) when any is missing, then configures
# and builds with a CMake preset.
#   bash setup.sh         Release build in build/
#   bash setup.sh asan    AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
set -euo pipefail
cd "$(dirname "$0")"
preset=${1:-default}

# graphviz's libgvc6 brings the cairo renderer that --pdf uses (libgvplugin_pango); the browser
# tests drive Debian's chromium with chromium-driver and python3-selenium.
packages=(g++ make cmake pkg-config libboost-program-options-dev libfmt-dev nlohmann-json3-dev
          libgraphviz-dev graphviz libplplot-dev libmd4c-dev libmd4c-html0-dev catch2 libbenchmark-dev
          python3 python3-selenium chromium chromium-driver)
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
