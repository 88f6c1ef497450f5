#!/usr/bin/env bash
# Installs superkube as a systemd service: deploy/install.sh server|node [--prefix DIR] [--binary PATH]
#
#   /usr/local/bin/superkube                      the single-file binary (replaced: this is how to upgrade)
#   /etc/systemd/system/superkube-ROLE.service    the unit (replaced; local changes belong in drop-ins)
#   /etc/superkube/ROLE.env                       settings, from ROLE.env.example (never overwritten)
#   /usr/lib/sysusers.d/superkube.conf            the system user "superkube", created with systemd-sysusers
#   /var/lib/superkube, /var/cache/superkube      state and the bundle's extracted native library
#   /usr/local/share/doc/superkube/deploy.md      the deployment guide
#
# --prefix DIR installs into DIR instead of / (a staging tree, a test, an image build): the user then goes
# to DIR/etc/passwd and DIR/etc/group (systemd-sysusers --root), and systemctl is not called.
# Running it again changes nothing but the binary, the unit and the docs, to the versions given.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() { echo "usage: $0 server|node [--prefix DIR] [--binary PATH]" >&2; exit 2; }

role=${1:-}
case "$role" in server | node) shift ;; *) usage ;; esac
prefix=/
binary=
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --binary) binary=${2:?--binary needs a path}; shift 2 ;;
    *) usage ;;
  esac
done
if [ -z "$binary" ]; then
  for candidate in "$here/superkube" "$here/../artifacts/publish/linux-x64/superkube"; do
    if [ -f "$candidate" ]; then binary=$candidate; break; fi
  done
fi
[ -n "$binary" ] && [ -f "$binary" ] || { echo "superkube binary not found: build it with build/publish.sh or pass --binary PATH" >&2; exit 1; }
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
root=${prefix%/}   # "" for /

install -D -m 0755 "$binary" "$root/usr/local/bin/superkube"
install -D -m 0644 "$here/systemd/superkube-$role.service" "$root/etc/systemd/system/superkube-$role.service"
install -D -m 0644 "$here/systemd/superkube.sysusers" "$root/usr/lib/sysusers.d/superkube.conf"
if [ -f "$here/../docs/deploy.md" ]; then
  install -D -m 0644 "$here/../docs/deploy.md" "$root/usr/local/share/doc/superkube/deploy.md"
fi

# The user: systemd-sysusers when present (it also works on a prefix), else useradd on the real system.
if [ "$prefix" != / ]; then
  mkdir -p "$root/etc"
  systemd-sysusers --root="$prefix" "$root/usr/lib/sysusers.d/superkube.conf" >/dev/null
elif ! getent passwd superkube >/dev/null; then
  if command -v systemd-sysusers >/dev/null 2>&1; then
    systemd-sysusers /usr/lib/sysusers.d/superkube.conf
  else
    useradd --system --user-group --home-dir /var/lib/superkube --no-create-home --shell /usr/sbin/nologin superkube
  fi
fi
uid=$(awk -F: '$1 == "superkube" { print $3 }' "$root/etc/passwd")
gid=$(awk -F: '$1 == "superkube" { print $4 }' "$root/etc/passwd")
# The node agent reaches the container runtime's socket through the docker group, when there is one.
if [ "$role" = node ] && grep -q '^docker:' "$root/etc/group" && ! grep -Eq '^docker:[^:]*:[^:]*:(.*,)?superkube(,|$)' "$root/etc/group"; then
  if [ "$prefix" = / ]; then
    usermod -a -G docker superkube
  else
    sed -i -E '/^docker:/ { s/:$/:superkube/; t; s/$/,superkube/ }' "$root/etc/group"
  fi
fi

install -d -m 0755 "$root/etc/superkube"
install -d -m 0750 -o "$uid" -g "$gid" "$root/var/lib/superkube" "$root/var/cache/superkube"
env_file=$root/etc/superkube/$role.env
if [ ! -e "$env_file" ]; then
  install -m 0640 -o 0 -g "$gid" "$here/systemd/$role.env.example" "$env_file"
fi

if [ "$prefix" = / ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  echo "Installed. Edit /etc/superkube/$role.env, then: systemctl enable --now superkube-$role"
else
  echo "Installed into $prefix."
fi
