#!/usr/bin/env bash
# Brings po/zh_CN/PART.po in step with the messages marked in PART's source, one part at a
# time (so that people translating different parts never edit the same file):
#   po/update.sh              every part: lib (lib/), commands, run, lesson, render, files (cli/), web (web/)
#   po/update.sh render       one part
# New messages arrive untranslated, changed ones fuzzy; translate them (msgstr), remove the
# "fuzzy" flag, and the build compiles the catalog. The test "translations: ..." fails while
# any message has no Chinese.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
parts=("$@")
((${#parts[@]})) || parts=(lib commands run lesson render files web)
cd "$root"
for part in "${parts[@]}"; do
  case $part in
    lib) dirs=(lib) ;;
    web) dirs=(web) ;;
    commands|run|lesson|render|files) dirs=("cli/$part") ;;
    *) echo "po/update.sh: unknown part '$part' (lib commands run lesson render files web)" >&2; exit 2 ;;
  esac
  pot=$(mktemp)
  find "${dirs[@]}" -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort |
    xargs xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trf --keyword=tr_later \
      --package-name=gatelab --msgid-bugs-address=- --no-wrap --add-location=file --force-po -o "$pot"
  po=po/zh_CN/$part.po
  # The other parts' catalogs are compendia: a message whose code moved from one part to
  # another keeps its translation.
  compendia=()
  for other in po/zh_CN/*.po; do [ "$other" = "$po" ] || compendia+=(--compendium "$other"); done
  if [ -f "$po" ]; then
    msgmerge --quiet --update --backup=none --no-wrap --add-location=file "${compendia[@]}" "$po" "$pot"
  else
    sed 's/charset=CHARSET/charset=UTF-8/' "$pot" > "$pot.utf8"
    msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 -i "$pot.utf8" -o "$po" 2> /dev/null
    sed -i -e "1,4c # gatelab's messages in Chinese: the part $part (po/update.sh)." "$po"
    rm -f "$pot.utf8"
  fi
  rm -f "$pot"
  msgattrib --no-obsolete --no-wrap -o "$po" "$po"  # messages no source has any more
  # No creation date in the header: it would change with every update and clash in merges.
  sed -i '/^"POT-Creation-Date: /d' "$po"
  echo "$po: $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
done
