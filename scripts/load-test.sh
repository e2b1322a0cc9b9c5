#!/usr/bin/env bash
# Load figures for docs/performance.md: wrk (Debian package `wrk`) against a Release build of the
# portal on a scratch database with the demo data, signed in as the demo reviewer. For each page
# and connection count: p50, p99, requests per second, errors, and the server's memory (RSS)
# before and after. DURATION (seconds, default 20) per run; ENDURANCE=60 adds a 60 s run at 64
# connections on the summary page.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
DURATION=${DURATION:-20}
PORT=${PORT:-5098}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/ZemgaleNvo.Web -v q -nologo >/dev/null
(cd src/ZemgaleNvo.Web/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Development Security__HttpsCookies=false \
  Database__DataFolder="$work/data" Serilog__WriteTo__1__Args__path="$work/logs/app-.log" \
  Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning \
  dotnet ZemgaleNvo.Web.dll --urls "http://localhost:$PORT") >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do curl -sf "http://localhost:$PORT/health/ready" >/dev/null && break; sleep 1; done

jar="$work/cookies"
token=$(curl -s -c "$jar" "http://localhost:$PORT/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=recenzents@demo.zemgalenvo.lv" \
  --data-urlencode "Password=zemgale-demo-parole" --data-urlencode "__RequestVerificationToken=$token" "http://localhost:$PORT/account/login"
cookie=$(awk '$6 ~ /^ZemgaleNvo-Auth/ {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
curl -sf -H "Cookie: $cookie" -o /dev/null "http://localhost:$PORT/agreements/1/summary" || { echo "summary page refused" >&2; exit 1; }

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$(pgrep -f "ZemgaleNvo.Web.dll --urls http://localhost:$PORT" | head -1)/status"; }

# Warm-up: JIT, caches, connection pools.
wrk -t2 -c8 -d5s -H "Cookie: $cookie" "http://localhost:$PORT/agreements/1/summary" >/dev/null
wrk -t2 -c8 -d5s -H "Cookie: $cookie" "http://localhost:$PORT/agreements/1/summary.pdf" >/dev/null

echo "| Page | Connections | Duration | p50 | p99 | Requests/s | Errors | RSS before → after (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
run() {
  local name=$1 path=$2 connections=$3 seconds=$4 before out
  before=$(rss)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "http://localhost:$PORT$path")
  local p50 p99 rps errors
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
  echo "| $name | $connections | ${seconds} s | $p50 | $p99 | $rps | $errors | $before → $(rss) |"
}
for c in 8 32 64; do run "Summary page (HTML)" /agreements/1/summary "$c" "$DURATION"; done
for c in 8 32 64; do run "Summary PDF download" /agreements/1/summary.pdf "$c" "$DURATION"; done
if [ -n "${ENDURANCE:-}" ]; then run "Summary page, endurance" /agreements/1/summary 64 "$ENDURANCE"; fi
