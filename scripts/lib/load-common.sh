# Shared by scripts/load-test.sh and scripts/load-test-dashboard.sh (sourced, not run): builds the
# portal in Release, starts it on a scratch SQLite database with the demo data, signs in as the demo
# reviewer and measures pages with wrk (Debian package `wrk`).
# Expects: PORT, work (a scratch folder). Sets: app (the server's pid), cookie (the sign-in cookie).
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

build_portal() { dotnet build -c Release src/ZemgaleNvo.Web -v q -nologo >/dev/null; }

start_portal() {
  # exec all the way down, so $app is the dotnet process itself (its memory is what is measured).
  (cd src/ZemgaleNvo.Web/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Development Security__HttpsCookies=false \
    Database__DataFolder="$work/data" Serilog__WriteTo__1__Args__path="$work/logs/app-.log" \
    Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning \
    dotnet ZemgaleNvo.Web.dll --urls "http://localhost:$PORT") >>"$work/app.log" 2>&1 &
  app=$!
  # Up to START_TIMEOUT seconds (default 600): after sqlite3 added hundreds of agreements, start-up
  # computes their kept figures first, which takes minutes on two busy cores.
  for _ in $(seq "${START_TIMEOUT:-600}"); do curl -sf "http://localhost:$PORT/health/ready" >/dev/null && return; sleep 1; done
  echo "the portal did not start:" >&2; tail -20 "$work/app.log" >&2; exit 1
}

# The demo reviewer signs in with a second factor: the code comes from the portal's own demo-code
# command (Development only), run against the same scratch database.
sign_in_reviewer() {
  local jar="$work/cookies" email="recenzents@demo.zemgalenvo.lv" token code
  token=$(curl -s -c "$jar" "http://localhost:$PORT/account/login" | form_token)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=$email" \
    --data-urlencode "Password=zemgale-demo-parole" --data-urlencode "__RequestVerificationToken=$token" "http://localhost:$PORT/account/login"
  token=$(curl -s -b "$jar" -c "$jar" "http://localhost:$PORT/account/login/two-factor" | form_token)
  code=$(cd src/ZemgaleNvo.Web/bin/Release/net10.0 && env ASPNETCORE_ENVIRONMENT=Development Database__DataFolder="$work/data" \
    Serilog__MinimumLevel__Default=Warning Serilog__WriteTo__1__Args__path="$work/logs/cmd-.log" \
    dotnet ZemgaleNvo.Web.dll demo-code --email "$email" | grep -o '^[0-9]\{6\}')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Code=$code" --data-urlencode "ReturnUrl=/" \
    --data-urlencode "__RequestVerificationToken=$token" "http://localhost:$PORT/account/login/two-factor"
  cookie=$(awk '$6 ~ /^ZemgaleNvo-Auth/ {print $6"="$7}' "$jar")
  [ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
}

form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

# The server's resident memory in MB (VmRSS of /proc/<pid>/status).
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$app/status"; }

# The server's CPU time so far (user + system, all its threads), in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
ticks_per_second=$(getconf CLK_TCK)

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU per request is the server's own CPU time over the requests it answered: unlike requests per
# second it hardly depends on what else runs on the machine, so it shows the work of one request.
table_header() {
  echo "| Page | Connections | Duration | p50 | p99 | Requests/s | Errors | CPU/request | RSS before → after (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
}

# run NAME PATH CONNECTIONS SECONDS: one wrk run, one table row. Errors are non-2xx/3xx answers plus
# socket errors (connect, read, write, and timeouts: wrk gives up on an answer after 2 s).
# Leaves the figures in last_p99_ms, last_rps and last_errors for the goals.
run() {
  local name=$1 path=$2 connections=$3 seconds=$4 before ticks out p50 p99 rps errors requests per_request
  before=$(rss)
  ticks=$(cpu_ticks)
  out=$(wrk -t"$(( connections < 2 ? connections : 2 ))" -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "http://localhost:$PORT$path")
  ticks=$(( $(cpu_ticks) - ticks ))
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  per_request=$(awk -v t="$ticks" -v hz="$ticks_per_second" -v n="$requests" 'BEGIN {if (n > 0) printf "%.2f ms", t * 1000 / hz / n; else print "–"}')
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10; t = $10}
    END {printf "%d", n; if (t > 0) printf " (%d timeouts)", t}')
  last_p99_ms=$(echo "$p99" | awk '/ms$/ {sub("ms", ""); print; next} /us$/ {sub("us", ""); print $1 / 1000; next} /s$/ {sub("s", ""); print $1 * 1000}')
  last_rps=$rps
  last_errors=${errors%% *}
  echo "| $name | $connections | ${seconds} s | $p50 | $p99 | $rps | $errors | $per_request | $before → $(rss) |"
}

warm_up() { wrk -t2 -c8 -d"${2:-5}s" -H "Cookie: $cookie" "http://localhost:$PORT$1" >/dev/null; }
