#!/usr/bin/env bash
# Removes what deploy/install.sh installed: deploy/uninstall.sh [--prefix DIR] [--purge]
# Keeps the data (/var/lib/superkube), the settings (/etc/superkube) and the user unless --purge is given.
set -euo pipefail
prefix=/
purge=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --purge) purge=true; shift ;;
    *) echo "usage: $0 [--prefix DIR] [--purge]" >&2; exit 2 ;;
  esac
done
root=$(cd "$prefix" && pwd)
root=${root%/}

for role in server node; do
  unit=$root/etc/systemd/system/superkube-$role.service
  [ -e "$unit" ] || continue
  if [ -z "$root" ] && [ -d /run/systemd/system ]; then
    systemctl disable --now "superkube-$role.service" || true
  fi
  rm -f "$unit"
  rm -rf "$unit.d"
done
rm -f "$root/usr/local/bin/superkube"
rm -rf "$root/usr/local/share/doc/superkube" "$root/var/cache/superkube"
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi

if $purge; then
  rm -rf "$root/var/lib/superkube" "$root/etc/superkube"
  rm -f "$root/usr/lib/sysusers.d/superkube.conf"
  if [ -z "$root" ]; then
    if getent passwd superkube >/dev/null; then userdel superkube; fi
  else
    for file in passwd shadow group gshadow; do
      [ -f "$root/etc/$file" ] && sed -i -E '/^superkube:/d; s/([:,])superkube(,|$)/\1/; s/,$//' "$root/etc/$file"
    done
  fi
  echo "Removed superkube with its data, settings and user."
else
  echo "Removed superkube; kept /var/lib/superkube, /etc/superkube and the superkube user (--purge removes them)."
fi
