#!/usr/bin/env bash
# Load figures of the reviewer dashboard for docs/performance.md: wrk (Debian package `wrk`) against a
# Release build of the portal on a scratch database with the demo data, signed in as the demo reviewer.
# AGREEMENTS (default 1, the demo alone) > 1 adds copies of the demo agreement straight into the
# scratch database with sqlite3 (Debian package `sqlite3`), each under its own ids, with its share of
# audit rows, spread over the regions, both demo NGOs, four period starts and every year status.
# Prints, for 8, 32 and 64 connections: p50, p99, requests per second, errors; then the time of the
# first request after a change (every cached report model out of date), as curl measures it.
# DURATION (seconds, default 15) per run.
set -euo pipefail
cd "$(dirname "$0")/.."
AGREEMENTS=${AGREEMENTS:-1}
DURATION=${DURATION:-15}
PORT=${PORT:-5099}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/lib/load-common.sh

build_portal
start_portal

db="$work/data/zemgale.db"
if [ "$AGREEMENTS" -gt 1 ]; then
  command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 1; }
  # Written while the portal runs (WAL allows it): a restart would make start-up add the copied audit
  # rows to the hash chain one by one, which is not what is being measured.
  sql="$work/clone.sql"
  seeded=$(sqlite3 "$db" "SELECT MAX(Id) FROM AuditTrail")
  printf '.timeout 10000\nBEGIN;\n' >"$sql"
  for k in $(seq 1 $((AGREEMENTS - 1))); do
    o=$((k * 100000)); shift=$((k % 4)); region=$((k % 5 + 1)); performer=$((k % 2 + 1))
    status=$(echo Draft Submitted Returned Approved | cut -d' ' -f$((k % 4 + 1)))
    cat >>"$sql" <<SQL
INSERT INTO Agreements (Id, DelegatingAuthority, Number, OtherInformation, PerformerId, PeriodEnd, PeriodStart, RegionId, SignedOn, SummaryStatus, TaskText, Title, Type, Version)
  SELECT Id + $o, DelegatingAuthority, Number, OtherInformation, $performer, date(PeriodEnd, '+$shift years'), date(PeriodStart, '+$shift years'), $region, SignedOn, SummaryStatus, TaskText, Title || ' ($k)', Type, Version FROM Agreements WHERE Id < 100000;
INSERT INTO ImplementationYears (Id, AgreementId, EndDate, EvaluationText, Number, ReportedActualTotalCents, StartDate, Status, Version)
  SELECT Id + $o, AgreementId + $o, date(EndDate, '+$shift years'), EvaluationText, Number, ReportedActualTotalCents, date(StartDate, '+$shift years'), CASE Number WHEN 3 THEN '$status' ELSE Status END, Version FROM ImplementationYears WHERE Id < 100000;
INSERT INTO BudgetLines (Id, AgreementId, Ordinal, Name, ResultsHeading) SELECT Id + $o, AgreementId + $o, Ordinal, Name, ResultsHeading FROM BudgetLines WHERE Id < 100000;
INSERT INTO PlannedAmounts (Id, BudgetLineId, ImplementationYearId, AmountCents) SELECT Id + $o, BudgetLineId + $o, ImplementationYearId + $o, AmountCents FROM PlannedAmounts WHERE Id < 100000;
INSERT INTO SpendingTotals (Id, ImplementationYearId, BudgetLineId, AmountCents, Version) SELECT Id + $o, ImplementationYearId + $o, BudgetLineId + $o, AmountCents - $k * 1000, Version FROM SpendingTotals WHERE Id < 100000;
INSERT INTO CarryOvers (Id, ImplementationYearId, BudgetLineId, AmountCents, Version) SELECT Id + $o, ImplementationYearId + $o, BudgetLineId + $o, AmountCents, Version FROM CarryOvers WHERE Id < 100000;
INSERT INTO Activities (Id, ImplementationYearId, BudgetLineId, Ordinal, Text, StartDate, EndDate, Place, Version, DeletedAtUtc)
  SELECT Id + $o, ImplementationYearId + $o, BudgetLineId + $o, Ordinal, Text, StartDate, EndDate, Place, Version, DeletedAtUtc FROM Activities WHERE Id < 100000;
INSERT INTO Indicators (Id, ActivityId, Count, Unit, Qualifier) SELECT Id + $o, ActivityId + $o, Count, Unit, Qualifier FROM Indicators WHERE Id < 100000;
INSERT INTO AuditTrail (AtUtc, UserId, UserName, Action, EntityType, EntityKey, Field, OldValue, NewValue, RequestId, AgreementId)
  SELECT AtUtc, UserId, UserName, Action, EntityType, CAST(CAST(EntityKey AS INTEGER) + $o AS TEXT), Field, OldValue, NewValue, RequestId, AgreementId + $o FROM AuditTrail
  WHERE Id <= $seeded AND AgreementId IS NOT NULL;
SQL
  done
  echo "COMMIT;" >>"$sql"
  sqlite3 "$db" <"$sql"
  # The copies bypassed the portal, so they have no kept dashboard figures (issue 18): start-up
  # computes them for every agreement whose figures are missing or older than its data stamp.
  kill "$app"; wait "$app" 2>/dev/null || true
  start_portal
fi

sign_in_reviewer
# The page shows 50 agreements at most (issue 18); the count line names how many the filter selects.
listed=$(curl -sf -H "Cookie: $cookie" "http://localhost:$PORT/dashboard" | grep -o 'Parādīti līgumi: [0-9]*' | grep -o '[0-9]*$' || true)
[ "$listed" = "$AGREEMENTS" ] || { echo "the dashboard counts $listed agreements, expected $AGREEMENTS" >&2; exit 1; }

# Warm-up: JIT, the report cache, connection pools.
warm_up /dashboard

echo "Agreements: $AGREEMENTS"
table_header
# One connection first: the time of a request alone, the figure least disturbed by wrk sharing the cores.
for c in 1 8 32 64; do run "Dashboard" /dashboard "$c" "$DURATION"; done
run "Dashboard, filtered and sorted" "/dashboard?status=draft&year=2024&sort=execution&dir=desc" 32 "$DURATION"
# The summary page under the same conditions, as a yardstick on a machine whose load varies.
for c in 1 32; do run "Summary page (reference)" /agreements/1/summary "$c" "$DURATION"; done
echo "Dashboard HTML: $(curl -s -H "Cookie: $cookie" "http://localhost:$PORT/dashboard" | wc -c) bytes"

# The first view after a change: a change moves the changed agreement's data stamp, which puts that
# agreement's cached report model out of date (issue 18: the others stay valid); five rounds, a
# change through the data-entry screens being simulated by moving agreement 1's stamp.
if command -v sqlite3 >/dev/null; then
  echo
  echo "First request after a change (ms):"
  for _ in 1 2 3 4 5; do
    sqlite3 -cmd ".timeout 10000" "$db" "UPDATE Agreements SET DataStamp = DataStamp + 1 WHERE Id = 1;"
    curl -s -o /dev/null -w "%{time_total}\n" -H "Cookie: $cookie" "http://localhost:$PORT/dashboard" | awk '{printf "%.0f ", $1 * 1000}'
  done
  echo
fi
if [ -n "${HOLD:-}" ]; then echo "portal on http://localhost:$PORT (cookie: $cookie); waiting $HOLD s"; sleep "$HOLD"; fi
