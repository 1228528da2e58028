#!/usr/bin/env bash
# Runs the example commands of a document, or of every command's --help, exactly as written,
# with the built gatelab first on PATH, each in a fresh scratch folder holding the files the
# examples name:
#   run_examples.sh BUILD_DIR SOURCE_DIR FILE.md   "$ gatelab ..." lines in ``` blocks (with
#                                                  their continuation lines after a \), and
#                                                  "    gatelab ..." lines indented as code
#   run_examples.sh BUILD_DIR SOURCE_DIR --help    the "Examples:" of gatelab --help and of
#                                                  each command's --help: "  gatelab ..." lines,
#                                                  each with the lines indented 4 more under it
#                                                  as the output it shows
# An example passes when it exits 0 and prints every line shown under it, in order ("..."
# stands for lines left out). One whose shown output is an error ("gatelab CMD: ...") or a
# wrong answer (MISMATCH, ✗) must exit 1 or 2 instead. One that asks questions (quiz,
# --predict) with no answers piped in gets none, so it must print its score and exit 1.
# Ends with "N passed, N failed".
set -uo pipefail
# English, whatever the language of the machine running it: the documents show English.
unset LANGUAGE LC_ALL LC_MESSAGES; export LANG=C.UTF-8
build=$(realpath "$1") source=$(realpath "$2") what=$3
export PATH=$build:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files examples name: staged.gl (shipped in lessons/data/, as docs/cli.md says), and a
# teacher's own lesson file and folder, my-lesson.md and my-lessons/.
fill_scratch() {
  cp "$source/lessons/data/staged.gl" "$1/"
  cp "$source/lessons/08-detach.md" "$1/my-lesson.md"
  cp -r "$source/lessons" "$1/my-lessons"
}

# Writes each example as N.cmd, with the output it shows as N.shown.
extract_markdown() {
  awk -v dir="$work" '
    /^```/ { fenced = !fenced; current = ""; next }
    continued { print > (current ".cmd"); continued = /\\$/; next }
    fenced && /^\$ / { n++; current = dir "/" n; print substr($0, 3) > (current ".cmd"); printf "" > (current ".shown")
                       continued = /\\$/; next }
    fenced && current != "" { print > (current ".shown"); next }
    !fenced && /^    gatelab / { n++; print substr($0, 5) > (dir "/" n ".cmd"); printf "" > (dir "/" n ".shown") }
  ' "$1"
}

extract_help() {
  local n=0 command line
  for command in "" $(gatelab --help | sed -ne '/^Usage:/,/^$/s/^  gatelab \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p'); do
    while IFS= read -r line; do
      if [[ $line == "      "* ]]; then  # output the example above shows, indented 4 more
        printf '%s\n' "${line#      }" >>"$work/$n.shown"
        continue
      fi
      n=$((n + 1))
      printf '%s\n' "${line#  }" >"$work/$n.cmd"
      : >"$work/$n.shown"
    done < <(gatelab $command --help | sed -ne '/^Examples:$/,/^[^ ]/{/^  /p}')
  done
}

# Whether every shown line, other than "...", is in the output in order.
shows() {
  local shown=$1 output=$2 line at=0 found
  while IFS= read -r line; do
    line=${line%"${line##*[! ]}"}
    [ -z "$line" ] || [ "${line#"${line%%[! ]*}"}" = "..." ] && continue
    found=$(tail -n +$((at + 1)) "$output" | sed -e 's/ *$//' | grep -nFx -m1 -- "$line" | cut -d: -f1)
    if [ -z "$found" ]; then
      echo "    missing: $line"
      return 1
    fi
    at=$((at + found))
  done <"$shown"
}

if [ "$what" = --help ]; then extract_help; else extract_markdown "$what"; fi
passed=0 failed=0
for cmd in $(ls "$work"/*.cmd 2>/dev/null | sort -V); do
  example=${cmd%.cmd}
  scratch=$(mktemp -d -p "$work")
  fill_scratch "$scratch"
  command=$(cat "$cmd")
  status=0
  (cd "$scratch" && bash -c "$command") >"$example.out" 2>&1 </dev/null || status=$?
  want="0"
  if grep -qE '^gatelab [a-z]+: |MISMATCH|✗' "$example.shown"; then want="1 or 2"; fi
  if [[ $command =~ gatelab\ quiz|--predict ]] && [[ ! $command =~ \|\ *gatelab ]]; then
    want="1, unanswered"
  fi
  ok=1
  case "$want:$status" in 0:0 | "1 or 2:1" | "1 or 2:2") ;; "1, unanswered:1") grep -q '^score: ' "$example.out" || ok=0 ;; *) ok=0 ;; esac
  if ((ok)) && report=$(shows "$example.shown" "$example.out"); then
    passed=$((passed + 1))
    continue
  fi
  failed=$((failed + 1))
  echo "FAIL: $command"
  echo "    exit status $status (expected $want)"
  [ -n "${report:-}" ] && echo "$report"
  sed -e 's/^/    | /' "$example.out" | head -n 20
  report=""
done
echo "examples: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
