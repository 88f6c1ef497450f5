#!/usr/bin/env bash
# Start-to-ready and idle RSS of any way of starting `superkube server`, e.g.
#   bench/start-to-ready.sh 5 artifacts/publish/linux-x64/superkube
#   bench/start-to-ready.sh 5 dotnet run -c Release --no-build --project src/SuperKube.Host --
# Each of RUNS starts: fresh data directory, free-ish loopback port, --insecure-http (as the foundation mode);
# ready = first 200 of GET /readyz, polled every 5 ms for at most 60 s; RSS = VmRSS of the server process (the
# newest process whose command line has the data directory, so `dotnet run`'s own CLI process is not counted)
# after 5 s idle. Prints each run and the medians.
set -euo pipefail
runs=${1:?usage: $0 RUNS COMMAND...}
shift
ready=() rss=()
for _ in $(seq "$runs"); do
  dir=$(mktemp -d)
  port=$((20000 + RANDOM % 20000))
  start=$(date +%s%N)
  "$@" server --data-dir "$dir" --port "$port" --insecure-http >"$dir/log" 2>&1 &
  launcher=$!
  for _ in $(seq 12000); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" && break
    sleep 0.005
  done
  end=$(date +%s%N)
  sleep 5
  server=$(pgrep -n -f -- "--data-dir $dir")
  ms=$(( (end - start) / 1000000 ))
  kib=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status")
  echo "ready ${ms} ms, idle RSS $((kib / 1024)) MiB ($(grep -o 'Ready in [0-9]* ms' "$dir/log" || echo 'no ready line'))"
  ready+=("$ms") rss+=("$((kib / 1024))")
  kill "$server" "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median: ready $(median "${ready[@]}") ms, idle RSS $(median "${rss[@]}") MiB"
