#!/usr/bin/env bash
# Figures of one big agreement for docs/performance.md (issue 18, must-have 5): a Release build of the
# portal on a scratch SQLite database, with the demo data and an agreement made by the portal's own
# `generate-large-agreement` command (YEARS, RESULTS, SPENDING; default 10 years, 2 000 results,
# 5 000 itemised spending entries; seeded, so every run has the same data). Signed in as a staff
# member of the generated agreement's performer (added with `users add`), it requests the year
# report page and the entry page of the year with the most results, the summary page, the summary
# PDF and the summary XLSX: the first request of each timed on its own (cold: nothing cached for the
# agreement yet), then REQUESTS (default 20) one after another, with curl: p50, max, errors (non-200
# answers and requests over TIMEOUT seconds, default 30) and the answer's size.
set -euo pipefail
cd "$(dirname "$0")/.."
YEARS=${YEARS:-10}
RESULTS=${RESULTS:-2000}
SPENDING=${SPENDING:-5000}
REQUESTS=${REQUESTS:-20}
TIMEOUT=${TIMEOUT:-30}
PORT=${PORT:-5097}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/lib/load-common.sh

# An admin command against the scratch database, as an operator runs it.
portal_command() {
  (cd src/ZemgaleNvo.Web/bin/Release/net10.0 && env ASPNETCORE_ENVIRONMENT=Development Database__DataFolder="$work/data" \
    Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$work/logs/cmd-.log" dotnet ZemgaleNvo.Web.dll "$@")
}

build_portal
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
generated=$(portal_command generate-large-agreement --years "$YEARS" --results "$RESULTS" --spending "$SPENDING")
echo "$generated" | grep "^Generated"
id=$(echo "$generated" | sed -n 's/^agreement-id: //p')
year=$(echo "$generated" | sed -n 's/^largest-year: \([0-9]*\).*/\1/p')
email="liels@nvo.example.lv"
portal_command users add --email "$email" --role NgoStaff --password zemgale-demo-parole \
  --organisation "Biedrība „Lielā līguma NVO”" >/dev/null
start_portal

# Staff sign in with the password alone.
jar="$work/cookies"
token=$(curl -s -c "$jar" "http://localhost:$PORT/account/login" | form_token)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=$email" --data-urlencode "Password=zemgale-demo-parole" \
  --data-urlencode "__RequestVerificationToken=$token" "http://localhost:$PORT/account/login"
cookie=$(awk '$6 ~ /^ZemgaleNvo-Auth/ {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }

# time_one PATH: "seconds http-code bytes" of one request.
time_one() {
  curl -s -o /dev/null -H "Cookie: $cookie" --max-time "$TIMEOUT" -w '%{time_total} %{http_code} %{size_download}\n' \
    "http://localhost:$PORT$1" || echo "$TIMEOUT 000 0"
}

ms() { awk '{printf "%.0f", $1 * 1000}'; }

echo
echo "Agreement $id: $YEARS years, $RESULTS results, $SPENDING spending entries; year $year has the most results."
echo
echo "| Page | First (cold) | p50 of $REQUESTS | Max | Errors | Size |"
echo "|---|---:|---:|---:|---:|---:|"
for page in year entry summary pdf xlsx; do
  case $page in
    year) name="Year $year report page"; path="/agreements/$id/years/$year" ;;
    entry) name="Year $year entry page"; path="/agreements/$id/years/$year/entry" ;;
    summary) name="Summary page (HTML)"; path="/agreements/$id/summary" ;;
    pdf) name="Summary PDF (draft)"; path="/agreements/$id/summary.pdf" ;;
    xlsx) name="Summary XLSX"; path="/agreements/$id/summary.xlsx" ;;
  esac
  first=$(time_one "$path")
  runs="$work/$page.txt"
  : >"$runs"
  for _ in $(seq "$REQUESTS"); do time_one "$path" >>"$runs"; done
  errors=$(awk -v first="$(echo "$first" | cut -d' ' -f2)" 'BEGIN {n = (first != "200")} $2 != "200" {n++} END {print n}' "$runs")
  p50=$(sort -n "$runs" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}' | ms)
  max=$(sort -n "$runs" | tail -1 | ms)
  size=$(echo "$first" | awk '{printf "%.0f kB", $3 / 1000}')
  echo "| $name | $(echo "$first" | ms) ms | $p50 ms | $max ms | $errors | $size |"
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
