#!/usr/bin/env bash
# Load figures for docs/performance.md: wrk (Debian package `wrk`) against a Release build of the
# portal on a scratch database with the demo data, signed in as the demo reviewer. For the summary
# page, the reviewer dashboard and the PDF downloads (an approved year's, from the approved-report
# cache, and the draft summary's, rendered once per data stamp and then kept: issue 18), at 8, 32 and
# 64 connections: p50, p99, requests per second, errors, the server's CPU per request and memory
# (RSS) before and after; then ENDURANCE seconds
# (default 60; 0 skips it) at 64 connections on the summary page, with the memory before, right after
# and after ten idle seconds. DURATION (seconds, default 15) per run; PAGES (default: all four) picks
# some, e.g. PAGES="summary dashboard".
# The dashboard with many agreements, and the first view after a change: scripts/load-test-dashboard.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
ENDURANCE=${ENDURANCE:-60}
PAGES=${PAGES:-summary dashboard year-pdf summary-pdf}
PORT=${PORT:-5098}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/lib/load-common.sh

build_portal
start_portal
sign_in_reviewer
for path in /agreements/1/summary /dashboard /agreements/1/years/1.pdf /agreements/1/summary.pdf; do
  curl -sf -H "Cookie: $cookie" -o /dev/null "http://localhost:$PORT$path" || { echo "$path refused" >&2; exit 1; }
done

echo "Load average before: $(load_average); started with $(rss) MB"
# Warm-up: JIT, the report and document caches, connection pools.
for path in /agreements/1/summary /dashboard /agreements/1/years/1.pdf /agreements/1/summary.pdf; do warm_up "$path" 3; done

table_header
for page in $PAGES; do
  case $page in
    summary) name="Summary page (HTML)"; path=/agreements/1/summary ;;
    dashboard) name="Reviewer dashboard"; path=/dashboard ;;
    year-pdf) name="Approved year I PDF (cached)"; path=/agreements/1/years/1.pdf ;;
    # Kept per data stamp (issue 18): wrk repeats the download without If-None-Match, so each answer
    # is the kept bytes (200), not a render and not a 304. A render: scripts/bench-pdf-vs-chromium.sh.
    summary-pdf) name="Draft summary PDF (kept)"; path=/agreements/1/summary.pdf ;;
    *) echo "unknown page $page" >&2; exit 2 ;;
  esac
  for c in 8 32 64; do run "$name" "$path" "$c" "$DURATION"; done
done
if [ "$ENDURANCE" -gt 0 ]; then
  start=$(rss)
  run "Summary page, endurance" /agreements/1/summary 64 "$ENDURANCE"
  sleep 10
  echo
  echo "Endurance: RSS $start MB before, $(rss) MB ten idle seconds after"
fi
echo "Load average after: $(load_average)"
