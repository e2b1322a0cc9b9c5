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
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (needed by the browser and PDF tests)..."
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

dotnet test ZemgaleNvo.sln --logger "console;verbosity=normal" "$@"
