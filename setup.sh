#!/usr/bin/env bash
# Installs gatelab's dependencies (Debian packages) when any is missing, then configures
# and builds with a CMake preset.
#   bash setup.sh         Release build in build/
#   bash setup.sh asan    AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/ (Clang),
#                         with the fuzz targets (GATELAB_FUZZ_BUILD=build-asan tests/fuzz/run.sh SECONDS)
#   bash setup.sh fuzz    the libFuzzer targets (Clang) in build-fuzz/: tests/fuzz/run.sh SECONDS
#   bash setup.sh web     only the browser's engine (emscripten) in build-web/, and @viz-js/viz
# Every build of the command builds the browser's engine too (web/assets.cmake), into the one
# build-web/ they share, so that its pages are live, `gatelab site` works and the installed
# tree and the Debian package carry the engine: users of those need no emscripten.
set -euo pipefail
cd "$(dirname "$0")"
preset=${1:-default}

# What the build and the tests need, from Debian 12, without recommended packages:
#   g++ make cmake pkg-config          the compiler and the build
#   libboost-program-options-dev       the command's options
#   libfmt-dev nlohmann-json3-dev      text and JSON output
#   libmd4c-dev libmd4c-html0-dev      lesson prose (Markdown) in the terminal and in pages
#   libgraphviz-dev                    diagrams laid out in-process by libgvc (no `dot` program);
#                                      its libgvc6 brings the cairo renderer that --pdf uses
#   libplplot-dev                      loss curves as SVG; its C headers come only with its
#                                      wxWidgets, Qt and Fortran bindings (README, "Set up")
#   dbus-x11                           GTK's session bus without systemd (README, "Set up")
#   catch2 libbenchmark-dev            the tests and the benchmarks
#   gettext                            xgettext, msgcat, msgfmt: the Chinese catalog (po/)
#   fonts-noto-cjk                     a CJK font, so that Chinese in diagrams renders and pages' tables line up
#   python3 python3-selenium           the browser tests of the HTML pages, in headless
#   chromium chromium-driver           Chromium
#   bash-completion man-db             the tests of gatelab's bash completion and man page
#   emscripten                         the browser's engine: lib/ compiled to WebAssembly (web/)
#   libjs-katex                        the formulas of `gatelab site`, typeset in the page
#   python3-polib                      the Chinese catalog as a table for the browser's engine
#   nodejs npm                         @viz-js/viz from npm (npm ci), and the engine's tests and the
#                                      test of the page's quiz.js against the C++ judge (tests/page)
#                                      under Node; only when no node or npm is installed (another
#                                      Node.js, such as NodeSource's, brings its own npm)
packages=(g++ make cmake pkg-config libboost-program-options-dev libfmt-dev nlohmann-json3-dev
          libgraphviz-dev libplplot-dev libmd4c-dev libmd4c-html0-dev catch2 libbenchmark-dev gettext fonts-noto-cjk bash-completion
          man-db dbus-x11 python3 python3-selenium chromium chromium-driver emscripten libjs-katex python3-polib)
if [ "$preset" = web ]; then packages=(emscripten cmake make libfmt-dev nlohmann-json3-dev); fi
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)
# The sanitizer and fuzz builds use Clang and its libFuzzer runtime (compiler-rt), and llvm for
# llvm-symbolizer, which Debian's sanitizer runtime runs (/usr/bin/llvm-symbolizer-14) to name
# functions in its reports; clang-14 only recommends it (through llvm-14-dev). Without it, each
# leak check that meets a suppressed leak (tests/lsan.supp) writes "WARNING: invalid path to
# external symbolizer!" to standard error, where tests compare gatelab's messages.
if [ "$preset" = asan ] || [ "$preset" = fuzz ]; then packages+=(clang libclang-rt-dev llvm); fi
bash packaging/install-missing.sh "${packages[@]}"

# @viz-js/viz, as package-lock.json pins it, into node_modules/ (again only when the lock changed).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi

cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
