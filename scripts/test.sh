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

# The three small projects run first, one after another (seconds each). Then the integration and
# the browser tests run side by side: each alone leaves a core idle much of the time (the browser
# journeys wait on Chromium and on page loads, the integration tests on SQLite commits and on
# portals started as processes), and together they finish minutes sooner than one after the other.
# The integration tests run at a lower priority, so the journeys' page loads, which have timeouts,
# are served first. Every project's output is kept and printed whole when it ends, and every failure
# is repeated at the end, where a log cut to its last lines still shows it.
dotnet build ZemgaleNvo.sln -nologo -clp:NoSummary

log_dir=$(mktemp -d)
failed_projects=()
run_project() { # project, then the arguments for dotnet test; writes $log_dir/<name>.log and .rc
  local project=$1 name
  name=$(basename "$project")
  shift
  local rc=0
  dotnet test "$project" --no-build --logger "console;verbosity=normal" "$@" >"$log_dir/$name.log" 2>&1 || rc=$?
  echo "$rc" >"$log_dir/$name.rc"
}
show_project() {
  local name
  name=$(basename "$1")
  echo "=== $name"
  cat "$log_dir/$name.log"
  if [ "$(cat "$log_dir/$name.rc")" != 0 ]; then
    failed_projects+=("$name")
  fi
}

for project in tests/ZemgaleNvo.UnitTests tests/ZemgaleNvo.Web.UnitTests tests/ZemgaleNvo.Pdf.Tests; do
  run_project "$project" "$@"
  show_project "$project"
done

echo "=== ZemgaleNvo.IntegrationTests and ZemgaleNvo.BrowserTests, side by side: each one's output follows when it ends"
run_project tests/ZemgaleNvo.BrowserTests "$@" &
browser=$!
nice -n 5 bash -c "$(declare -f run_project); log_dir='$log_dir'; run_project tests/ZemgaleNvo.IntegrationTests \"\$@\"" _ "$@"
show_project tests/ZemgaleNvo.IntegrationTests
wait "$browser" || true
show_project tests/ZemgaleNvo.BrowserTests

echo
echo "=== Summary"
for log in "$log_dir"/*.log; do
  name=$(basename "$log" .log)
  totals=$(grep -E '^\s*(Total tests|Passed|Failed|Skipped):' "$log" | tr -s ' ' | tr '\n' ' ' || true)
  echo "$name: ${totals:-no tests run}"
done
if [ ${#failed_projects[@]} -gt 0 ]; then
  echo
  echo "=== Failures in: ${failed_projects[*]}"
  for name in "${failed_projects[@]}"; do
    # Each failed test with its message and the top of its stack trace.
    grep -E -A 25 '^\s*Failed [A-Za-z]' "$log_dir/$name.log" | head -n 300 || true
  done
  exit 1
fi
