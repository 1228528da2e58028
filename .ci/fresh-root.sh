#!/usr/bin/env bash
# CI on a fresh Debian 12: makes a minbase bookworm root with debootstrap, clones this
# checkout's committed main into it, times the README's two set-up commands there, then runs
# .ci/run. Catches what setup.sh does not install and what the build reads from this machine.
#
#   sudo bash .ci/fresh-root.sh [DIR]     DIR: a new or empty folder for the root, on a disk
#                                         with 5 GB free; by default new under ${TMPDIR:-/tmp}
#   MIRROR=http://... sudo bash ...       another Debian mirror (default deb.debian.org)
#
# Needs root (debootstrap, mount, chroot); installs debootstrap when missing. Unmounts on any
# exit and keeps the root for a look (rm -rf it after). Exit status: that of .ci/run.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "fresh-root.sh: run as root (sudo)" >&2; exit 2; }
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
root=${1:-$(mktemp -d "${TMPDIR:-/tmp}/gatelab-fresh-root.XXXXXX")}
mirror=${MIRROR:-http://deb.debian.org/debian}
mkdir -p "$root"
root=$(cd "$root" && pwd)
[ -z "$(ls -A "$root")" ] || { echo "fresh-root.sh: $root is not empty" >&2; exit 2; }

mounted=()
unmount() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" || umount -l "${mounted[i]}"; done
}
trap unmount EXIT
trap 'exit 130' INT TERM

command -v debootstrap > /dev/null || bash "$repo/packaging/install-missing.sh" debootstrap
echo "== debootstrap --variant=minbase bookworm $root $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 ||
  { tail -n 20 "$root.debootstrap.log" >&2; exit 1; }
# A pseudo-terminal for the terminal tests and localhost for chromedriver, as a machine has.
for m in proc sys dev dev/pts; do
  mount --bind "/$m" "$root/$m"
  mounted+=("$root/$m")
done
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
git clone -q --branch main "$repo" "$root/src/gatelab"
echo "== gatelab $(git -C "$root/src/gatelab" log -1 --format='%h %s' | cut -c1-80)"

# inside COMMAND: runs it in the root's gatelab checkout as root, with a login's bare environment.
inside() {
  env -i HOME=/root TERM="${TERM:-xterm}" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    chroot "$root" /bin/bash -c "cd /src/gatelab && $1"
}
timed() {
  local start=$SECONDS status=0
  echo "== $1 (load $(cut -d' ' -f1-3 /proc/loadavg))"
  inside "$1" < /dev/null || status=$?
  times+=("$((SECONDS - start)) s, exit status $status, load after $(cut -d' ' -f1-3 /proc/loadavg): $1")
}
times=()
timed "bash setup.sh && build/gatelab lesson detach"
timed "bash setup.sh && ctest --test-dir build --output-on-failure"
echo "== bash .ci/run"
status=0
inside "bash .ci/run" < /dev/null || status=$?
echo "== on $(nproc) cores, in $root:"
printf '   %s\n' "${times[@]}" "bash .ci/run: exit status $status"
exit "$status"
