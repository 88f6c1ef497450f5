#!/usr/bin/env bash
# Makes (once) a minimal Debian bookworm root filesystem for the deployment tests and prints its path.
# Usage: build/need-rootfs.sh [DIR]   (default: /var/cache/superkube/debian-bookworm)
# The tests run the published single-file binary in it with chroot and use it as a Docker base image.
set -euo pipefail
dir=${1:-/var/cache/superkube/debian-bookworm}
if [ -x "$dir/bin/sh" ] && [ -f "$dir/.superkube-rootfs-done" ]; then
  echo "$dir"
  exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -qq >&2 && apt-get install -y -qq debootstrap >&2
fi
rm -rf "$dir.tmp"
mkdir -p "$(dirname "$dir")"
# libssl3 (TLS, certificates) and ca-certificates are all the binary needs beyond glibc; ICU is not
# needed because the published binary runs with invariant globalization.
debootstrap --variant=minbase --include=libssl3,ca-certificates bookworm "$dir.tmp" >&2   # debootstrap's default Debian mirror
touch "$dir.tmp/.superkube-rootfs-done"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "$dir"
