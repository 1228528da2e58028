#!/usr/bin/env bash
# The installed gatelab, as a user and a library user meet it. ctest runs one check at a time:
#   check_install.sh CHECK BUILD_DIR SOURCE_DIR
# with CHECK one of: prefix, relocated, unreadable, find-package, pkg-config, man-page, completion.
# `prefix` installs BUILD_DIR into BUILD_DIR/test-install; the others read that install.
set -euo pipefail
# English, whatever the language of the machine running it (the Chinese checks ask for it).
unset LANGUAGE LC_ALL LC_MESSAGES; export LANG=C.UTF-8
check=$1 build=$(realpath "$2") source=$(realpath "$3")
prefix=$build/test-install
scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch"; rm -rf "$scratch"' EXIT
chmod 755 "$scratch"  # a user other than root reaches into it in `unreadable`
fail() { echo "FAIL: $*" >&2; exit 1; }
has() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }

case $check in
prefix)
  rm -rf "$prefix"
  cmake --install "$build" --prefix "$prefix" >/dev/null
  for f in bin/gatelab share/gatelab/lessons/08-detach.md share/gatelab/lessons/data/breast-cancer-wisconsin.data \
           share/man/man1/gatelab.1 share/bash-completion/completions/gatelab include/gatelab/gatelab.hpp \
           lib/libgatelab.a lib/cmake/gatelab/gatelab-config.cmake lib/pkgconfig/gatelab.pc share/doc/gatelab/copyright \
           share/gatelab/lessons/zh/08-detach.md share/locale/zh_CN/LC_MESSAGES/gatelab.mo; do
    [ -e "$prefix/$f" ] || fail "$f is not installed"
  done
  ;;
relocated)
  # The prefix moved elsewhere, run from / with no GATELAB_LESSONS: lessons and data are found beside bin/.
  cp -a "$prefix" "$scratch/moved"
  cd /
  out=$(env -u GATELAB_LESSONS "$scratch/moved/bin/gatelab" lessons)
  has "$out" "detach"
  out=$(env -u GATELAB_LESSONS "$scratch/moved/bin/gatelab" check detach)
  has "$out" "lessons: 1 passed, 0 failed"
  out=$(env -u GATELAB_LESSONS "$scratch/moved/bin/gatelab" train --help)
  [[ $out == *"The default data file:"$'\n'"  $scratch/moved/share/gatelab/lessons/data/breast-cancer-wisconsin.data"* ]] ||
    fail "train --help does not name the installed data file: $out"
  if grep -qF "$source/lessons" "$scratch/moved/bin/gatelab"; then fail "the source's lessons path is compiled in"; fi
  # In Chinese: the lessons of lessons/zh, and messages from the installed catalog.
  zh_title=$(sed -n 's/^title: *//p' "$source/lessons/zh/08-detach.md")
  out=$(env -u GATELAB_LESSONS "$scratch/moved/bin/gatelab" lessons --lang zh)
  has "$out" "$zh_title"
  usage=$(env -u GATELAB_LESSONS "$scratch/moved/bin/gatelab" --help)
  zh_usage=$(env -u GATELAB_LESSONS "$scratch/moved/bin/gatelab" --help --lang zh)
  [ "$usage" != "$zh_usage" ] || fail "gatelab --help --lang zh is the English help"
  # Alone, with no lessons beside it, it says where it looked; GATELAB_LESSONS still names a folder.
  mkdir "$scratch/alone" && cp "$prefix/bin/gatelab" "$scratch/alone/"
  status=0; err=$(env -u GATELAB_LESSONS "$scratch/alone/gatelab" lessons 2>&1) || status=$?
  [ "$status" = 2 ] || fail "exit status $status, not 2"
  has "$err" "no lessons folder beside the gatelab executable (looked for '$scratch/alone/lessons' or '$scratch/share/gatelab/lessons')"
  out=$(GATELAB_LESSONS="$source/lessons" "$scratch/alone/gatelab" lessons)
  has "$out" "detach"
  # In the build tree the lessons are the source's, through a relative link.
  [ "$(readlink -f "$build/lessons")" = "$source/lessons" ] || fail "$build/lessons is not the source's lessons"
  case $(readlink "$build/lessons") in /*) fail "$build/lessons is an absolute link" ;; esac
  ;;
unreadable)
  # A lessons folder that exists but cannot be read is reported as such, for a user other than root.
  mkdir -p "$scratch/bin" "$scratch/share/gatelab/lessons" && cp "$prefix/bin/gatelab" "$scratch/bin/"
  chmod 0 "$scratch/share/gatelab/lessons"
  as_user=()
  if [ "$(id -u)" = 0 ]; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
  cd /
  status=0; err=$(env -u GATELAB_LESSONS "${as_user[@]}" "$scratch/bin/gatelab" lessons 2>&1) || status=$?
  [ "$status" = 2 ] || fail "exit status $status, not 2: $err"
  [ "$err" = "gatelab lessons: cannot read the lessons folder '$scratch/share/gatelab/lessons': Permission denied" ] || fail "$err"
  ;;
find-package)
  # GATELAB_CONSUMER_FLAGS: what a consumer of a sanitized build links with.
  cmake -S "$source/tests/install/consumer" -B "$scratch/b" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_EXE_LINKER_FLAGS="${GATELAB_CONSUMER_FLAGS:-}" \
        -DPROGRAM="$source/lib/examples/first_graph.cpp" >/dev/null
  cmake --build "$scratch/b" >/dev/null
  has "$("$scratch/b/first_graph")" "y = 5, dy/dx = 4"
  ;;
pkg-config)
  export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
  # shellcheck disable=SC2046
  g++ -std=c++20 ${GATELAB_CONSUMER_FLAGS:-} -o "$scratch/first_graph" "$source/lib/examples/first_graph.cpp" $(pkg-config --cflags --libs gatelab)
  has "$("$scratch/first_graph")" "y = 5, dy/dx = 4"
  ;;
man-page)
  command -v man >/dev/null || fail "man is needed to read the page (package man-db)"
  page=$(MANWIDTH=100 man --warnings -l "$prefix/share/man/man1/gatelab.1" 2>"$scratch/warnings")
  [ ! -s "$scratch/warnings" ] || fail "man warns: $(cat "$scratch/warnings")"
  has "$page" "gatelab - every value and every gradient"
  for command in eval lessons lesson check train; do has "$page" "   gatelab $command"; done
  has "$page" "--expect NAME=VALUE"
  if grep -qF "$source" <<<"$page"; then fail "the page names the source folder $source"; fi
  ;;
completion)
  [ -f /usr/share/bash-completion/bash_completion ] || fail "bash-completion is needed (package bash-completion)"
  PATH=$prefix/bin:$PATH bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1/share/bash-completion/completions/gatelab"
    complete_line() {  # the words of a command line, the last being completed
      COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
      _gatelab gatelab "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
      echo "${COMPREPLY[*]}"
    }
    complete_line gatelab ""
    complete_line gatelab train --constraint ""
    complete_line gatelab lesson s
    complete_line gatelab check gr
    complete_line gatelab eval --gr
    complete_line gatelab train --max
    complete_line gatelab quiz --lesson con
    complete_line gatelab quiz --ask g
  ' _ "$prefix" >"$scratch/got"
  # Lesson names are those `gatelab lessons` lists that start with what was typed.
  lessons_from() { "$prefix/bin/gatelab" lessons | awk -v p="$1" 'index($1, p) == 1 { printf "%s%s", n++ ? " " : "", $1 }'; }
  printf '%s\n' "eval lessons lesson check train quiz site --help --lang" "none tanh tanh01 round ste" "$(lessons_from s)" \
         "$(lessons_from gr)" "--gradcheck" "--max-epochs" "$(lessons_from con)" "grads" | diff - "$scratch/got" ||
    fail "completions differ"
  has "$(lessons_from s)" "staged-backprop"
  # The constraint names are the ones train accepts.
  has "$("$prefix/bin/gatelab" train --constraint x 2>&1 || true)" "expected none, tanh, tanh01, round or ste"
  ;;
*) fail "unknown check '$check'" ;;
esac
