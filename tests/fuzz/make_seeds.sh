#!/usr/bin/env bash
# The fuzz targets' seed inputs, from the lessons and the tests, with the hand-written ones
# of tests/fuzz/seeds/TARGET/:  make_seeds.sh SOURCE_DIR OUT_DIR  (OUT_DIR/TARGET/...)
set -euo pipefail
shopt -s nullglob
src=$1 out=$2
rm -rf "$out"
mkdir -p "$out"
cp -r "$src/tests/fuzz/seeds/." "$out/"

for md in "$src"/lessons/*.md "$src"/lessons/zh/*.md; do
  [ "$(basename "$md")" = README.md ] && continue
  name=$(basename "$md" .md)
  case $md in */zh/*) name=zh-$name ;; esac
  cp "$md" "$out/lesson/$name.md"
  cp "$md" "$out/page/$name.md"
  # Each ```gatelab block: a program with its directives (`#| at:` gives its inputs).
  awk -v prefix="$out/program/$name" '
    /^```gatelab/ { n++; file = prefix "-" n ".gl"; inside = 1; next }
    /^```/ { if (inside) close(file); inside = 0; next }
    inside { print > file }' "$md"
  # Each value of a directive that binds or expects: one item.
  { grep -E '^#\| (at|expect|tangent|expect-when|expect-step|expect-mistake|data|sweep): ' "$md" || true; } |
    sed -E 's/^#\| [a-z-]+: //' |
    awk -v prefix="$out/bindings/$name" '{ file = prefix "-" NR; print > file; close(file) }'
done
cp "$src"/lessons/data/*.gl "$out/program/"
cp "$src/lessons/data/breast-cancer-wisconsin.data" "$out/data/"
touch "$out/made"
