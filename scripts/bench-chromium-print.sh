#!/usr/bin/env bash
# What a user would otherwise reach for: Chromium printing the summary page to PDF. Starts the
# portal on a scratch database, saves the signed-in summary page (its CSS still served by the
# portal), then times `chromium --headless --print-to-pdf` over it RUNS times (cold browser start
# each time, as a script or a user would run it) and prints each time and the median in ms.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
PORT=${PORT:-5097}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/ZemgaleNvo.Web -v q -nologo >/dev/null
# Run from the output folder: it is the content root, where appsettings.json lies.
(cd src/ZemgaleNvo.Web/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Development Security__HttpsCookies=false \
  Database__DataFolder="$work/data" Serilog__WriteTo__1__Args__path="$work/logs/app-.log" \
  dotnet ZemgaleNvo.Web.dll --urls "http://localhost:$PORT") >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do curl -sf "http://localhost:$PORT/account/login" >/dev/null && break; sleep 1; done

jar="$work/cookies"
token=$(curl -s -c "$jar" "http://localhost:$PORT/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
# The performer's staff: they read the same summary page and sign in with the password alone.
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=darbinieks@demo.zemgalenvo.lv" \
  --data-urlencode "Password=zemgale-demo-parole" --data-urlencode "__RequestVerificationToken=$token" "http://localhost:$PORT/account/login"
curl -s -b "$jar" "http://localhost:$PORT/agreements/1/summary" | sed "s#href=\"/#href=\"http://localhost:$PORT/#g" > "$work/summary.html"
grep -q "Kopsavilkums" "$work/summary.html" || { echo "summary page not fetched:" >&2; head -c 600 "$work/summary.html" >&2; tail -5 "$work/app.log" >&2; exit 1; }

times=()
for i in $(seq "$RUNS"); do
  start=$(date +%s%N)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile-$i" --no-pdf-header-footer \
    --print-to-pdf="$work/summary-$i.pdf" "file://$work/summary.html" >/dev/null 2>&1
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
pages=$(pdfinfo "$work/summary-1.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "chromium print-to-pdf of the demo summary page ($pages pages): runs ms = ${times[*]}; median = ${sorted[$(( RUNS / 2 ))]} ms"
