#!/usr/bin/env bash
# Installs gatelab's dependencies (Debian packages) when any is missing, then configures
# and builds with a CMake preset.
#   bash setup.sh         Release build in build/
#   bash setup.sh asan    AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/ (Clang),
#                         with the fuzz targets (GATELAB_FUZZ_BUILD=build-asan tests/fuzz/run.sh SECONDS)
#   bash setup.sh fuzz    the libFuzzer targets (Clang) in build-fuzz/: tests/fuzz/run.sh SECONDS
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
#   fonts-noto-cjk                     a CJK font, so that Chinese in diagrams renders
#   python3 python3-selenium           the browser tests of the HTML pages, in headless
#   chromium chromium-driver           Chromium
#   bash-completion man-db             the tests of gatelab's bash completion and man page
#   nodejs                             the test of the page's quiz.js against the C++ judge (tests/page)
packages=(g++ make cmake pkg-config libboost-program-options-dev libfmt-dev nlohmann-json3-dev
          libgraphviz-dev libplplot-dev libmd4c-dev libmd4c-html0-dev catch2 libbenchmark-dev gettext fonts-noto-cjk bash-completion
          man-db dbus-x11 python3 python3-selenium chromium chromium-driver nodejs)
# The sanitizer and fuzz builds use Clang and its libFuzzer runtime (compiler-rt).
if [ "$preset" = asan ] || [ "$preset" = fuzz ]; then packages+=(clang libclang-rt-dev); fi
bash packaging/install-missing.sh "${packages[@]}"

cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
