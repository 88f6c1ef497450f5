#!/usr/bin/env bash
# Publishes the single-file, self-contained `superkube` executable.
# Usage: build/publish.sh [-r RID] [-o DIR] [extra `dotnet publish` arguments...]
#   default RID linux-x64 (the only one whose runtime packs our NuGet source has), default DIR artifacts/publish/RID
# The version is VersionPrefix (Directory.Build.props) plus the current git commit: `superkube --version`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rid=linux-x64
out=
while [ $# -gt 0 ]; do
  case "$1" in
    -r) rid=$2; shift 2 ;;
    -o) out=$2; shift 2 ;;
    *) break ;;
  esac
done
out=${out:-$root/artifacts/publish/$rid}
revision=$(git -C "$root" rev-parse HEAD 2>/dev/null || true)
dotnet publish "$root/src/SuperKube.Host" -c Release -r "$rid" -o "$out" --nologo \
  ${revision:+-p:SourceRevisionId=$revision} "$@"
echo "$out/superkube"
