#!/usr/bin/env bash
# The portal's summary PDF against what a user would otherwise reach for, a warm Chromium printing the
# same page, measured in ONE run against ONE portal (issue 18, goal: the download ≥ 10× faster).
# Starts a Release build on a scratch database with the demo data, signs in as the demo reviewer, then
# ROUNDS times (default 21), one after the other in each round:
#   - Chromium (launched once and kept running; the signed-in summary page open in a tab) prints the
#     page with Playwright's page.pdf (A4, backgrounds), and, separately, reloads it and prints it;
#   - curl downloads /agreements/1/summary.pdf with the same session (the portal's document cache warm,
#     as for a user who downloads it again: 200 with the bytes, no If-None-Match).
# Then COLD rounds (default 5): the agreement's data stamp is moved with sqlite3 (as a change through
# the data-entry screens does), so the next download rebuilds the report model and renders the PDF.
# Prints the median of each and the ratios. Needs chromium (/usr/bin/chromium or CHROMIUM_PATH),
# sqlite3, and the Microsoft.Playwright NuGet package restored (its playwright-core and node are used:
# `dotnet restore tests/ZemgaleNvo.BrowserTests`), so nothing is downloaded.
# Replaces scripts/bench-chromium-print.sh, which timed a cold `chromium --print-to-pdf` per run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-21}
COLD=${COLD:-5}
PORT=${PORT:-5096}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/lib/load-common.sh

version=$(grep -o 'Include="Microsoft.Playwright" Version="[^"]*"' Directory.Packages.props | sed 's/.*Version="//;s/"$//')
playwright="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.playwright/$version/.playwright"
[ -d "$playwright/package" ] || { echo "playwright-core not found in $playwright: dotnet restore tests/ZemgaleNvo.BrowserTests" >&2; exit 1; }
node="$playwright/node/linux-x64/node"
[ -x "$node" ] || node=node
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 1; }

build_portal
start_portal
sign_in_reviewer
summary=/agreements/1/summary
pdf=/agreements/1/summary.pdf
curl -sf -H "Cookie: $cookie" -o /dev/null "http://localhost:$PORT$pdf" || { echo "$pdf refused" >&2; exit 1; }

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
json=$("$node" scripts/lib/print-to-pdf.mjs "$playwright/package" "http://localhost:$PORT" "$cookie" "$summary" "$pdf" "$ROUNDS" "$work")

cold=()
for _ in $(seq "$COLD"); do
  sqlite3 -cmd ".timeout 10000" "$work/data/zemgale.db" "UPDATE Agreements SET DataStamp = DataStamp + 1 WHERE Id = 1;"
  cold+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "http://localhost:$PORT$pdf" | awk '{printf "%.1f", $1 * 1000}')")
  sleep 0.2
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
COLD_MS="${cold[*]}" CHROMIUM_PAGES=$(pages "$work/chromium.pdf") PORTAL_PAGES=$(pages "$work/portal.pdf") python3 - "$json" <<'PY'
import json, os, statistics, sys
r = json.loads(sys.argv[1])
cold = [float(x) for x in os.environ["COLD_MS"].split()]
med = {k: statistics.median(r[k]) for k in ("print", "loadAndPrint", "download")}
def row(name, values, m):
    print(f"| {name} | {len(values)} | {min(values):.1f} | **{m:.1f}** | {max(values):.1f} |")
print(f"Chromium PDF: {r['chromiumBytes']} bytes, {os.environ['CHROMIUM_PAGES'] or '?'} pages; "
      f"portal PDF: {r['portalBytes']} bytes, {os.environ['PORTAL_PAGES'] or '?'} pages")
print("| Measurement | Runs | Min (ms) | Median (ms) | Max (ms) |")
print("|---|---:|---:|---:|---:|")
row("Warm Chromium: page.pdf of the open summary page", r["print"], med["print"])
row("Warm Chromium: reload the page, then page.pdf", r["loadAndPrint"], med["loadAndPrint"])
row("Portal summary.pdf download, warm (curl)", r["download"], med["download"])
if cold:
    row("Portal summary.pdf, first download after a change (curl)", cold, statistics.median(cold))
print(f"Warm download against page.pdf: {med['print'] / med['download']:.1f}× faster (goal ≥ 10×)")
print(f"Warm download against reload + page.pdf: {med['loadAndPrint'] / med['download']:.1f}×")
if cold:
    print(f"First download after a change against page.pdf: {med['print'] / statistics.median(cold):.1f}×")
PY
