#!/usr/bin/env bash
# The code checks CI runs (.ci/run), each failing on any finding:
#   clang-format  every C++ file as .clang-format lays it out (fix: clang-format -i FILE)
#   clang-tidy    lib/ and cli/ against .clang-tidy's checks, from BUILD's compile_commands.json
#   eslint        the page's scripts against .eslintrc.json (Debian's eslint)
#   tools/lint.sh [BUILD]      BUILD: a configured build folder (default build/)
# Installs what is missing (clang-format, clang-tidy, eslint, jq) from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bash packaging/install-missing.sh clang-format clang-tidy eslint jq
[ -f "$build/compile_commands.json" ] || { echo "tools/lint.sh: no $build/compile_commands.json: run bash setup.sh first" >&2; exit 2; }
status=0

echo "clang-format: $(git ls-files '*.cpp' '*.hpp' | wc -l) files"
git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run -Werror || status=1

sources=$(jq -r --arg root "$PWD" '.[].file | select(startswith($root + "/lib/") or startswith($root + "/cli/"))' \
            "$build/compile_commands.json" | sort -u)
echo "clang-tidy: $(wc -w <<<"$sources") files"
run-clang-tidy -p "$build" -j "$(nproc)" -quiet $sources >"$build/clang-tidy.log" 2>&1 || {
  grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u
  status=1
}

scripts=$(git ls-files 'cli/files/page/*.js' 'web/*.js')
echo "eslint: $(wc -w <<<"$scripts") files"
# Debian's eslint finds its modules in /usr/share/nodejs; a Node.js from elsewhere does not look there.
NODE_PATH=/usr/share/nodejs eslint --no-eslintrc -c .eslintrc.json -f unix $scripts || status=1

[ "$status" = 0 ] && echo "lint: no findings"
exit "$status"
