#!/usr/bin/env bash
# Builds gatelab's Debian package and checks it with lintian (errors fail, warnings are shown):
#   bash packaging/deb.sh             configure and build the `deb` preset in build-deb/, then pack
#   bash packaging/deb.sh BUILD_DIR   pack a folder already built (CI packs build/)
# Installs what only packaging needs, dpkg-dev (dpkg-shlibdeps) and lintian, when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-}

bash packaging/install-missing.sh dpkg-dev lintian

if [ -z "$build" ]; then
  build=build-deb
  cmake --preset deb
  cmake --build --preset deb -j "$(nproc)"
fi
(cd "$build" && cpack -G DEB)
deb=$(ls -t "$build"/gatelab_*.deb | head -n 1)
echo "deb: $deb"
lintian --fail-on error "$deb"
