#!/usr/bin/env bash
# Runs every test of the portal: unit, PDF, integration (real SQLite files) and browser tests
# (Playwright driving Debian's Chromium). Installs the system packages the tests need when they
# are missing; Playwright's own browser download is never used.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# The evidence-upload tests start a real clamd on loopback with a test signature database.
[ -x /usr/sbin/clamd ] || need+=(clamav-daemon)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (needed by the browser, PDF and virus-scan tests)..."
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}"
fi

# Hundreds of in-process portals start during the tests; each would watch its configuration and
# web root with inotify, and the kernel allows only 128 inotify instances per user. Configuration
# is not reloaded in tests, and what is watched is polled instead.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=1
# Without profile-guided re-compilation: the tests start hundreds of short-lived portals (and
# portal processes), where instrumenting code to compile it again later costs more than it gains.
# Measured 4 Dec 2026, integration project, same tree one run after the other: 297 s wall and
# 470 s of user CPU with it, 220 s and 358 s without. The portal itself keeps it.
export DOTNET_TieredPGO=0

# The projects run one after another, not side by side: the integration and the browser tests each
# keep both cores busy (measured 4 Dec 2026: side by side they took 9.0 minutes, one after the other
# 4.9 + 3.6), and the browser journeys' page loads have timeouts. Every project's output is kept,
# and every failure is repeated at the end, where a log cut to its last lines still shows it.
dotnet build ZemgaleNvo.sln -nologo -clp:NoSummary

log_dir=$(mktemp -d)
failed_projects=()
for project in \
  tests/ZemgaleNvo.UnitTests \
  tests/ZemgaleNvo.Web.UnitTests \
  tests/ZemgaleNvo.Pdf.Tests \
  tests/ZemgaleNvo.IntegrationTests \
  tests/ZemgaleNvo.BrowserTests; do
  name=$(basename "$project")
  echo "=== $name"
  if ! dotnet test "$project" --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log_dir/$name.log"; then
    failed_projects+=("$name")
  fi
done

echo
echo "=== Summary"
for log in "$log_dir"/*.log; do
  name=$(basename "$log" .log)
  totals=$(grep -a -E '^\s*(Total tests|Passed|Failed|Skipped):' "$log" | tr -s ' ' | tr '\n' ' ' || true)
  echo "$name: ${totals:-no tests run}"
done
if [ ${#failed_projects[@]} -gt 0 ]; then
  echo
  echo "=== Failures in: ${failed_projects[*]}"
  for name in "${failed_projects[@]}"; do
    # Each failed test with its message and the top of its stack trace.
    grep -a -E -A 25 '^\s*Failed [A-Za-z]' "$log_dir/$name.log" | head -n 300 || true
  done
  exit 1
fi
