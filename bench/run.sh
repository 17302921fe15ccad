#!/usr/bin/env bash
# Reproduces bench/README.md's figures: every scenario on SQLite and on a throwaway PostgreSQL.
# Usage: bench/run.sh [--events N] [--people N] [--pairs N] [--searches N] [--applications N] [--incidents N] [--marac-saves N] [--scenarios LIST]
#   defaults: 1,000,000 audit events, 1,000,000 people, 10,000 duplicate and 10,000 near-miss pairs, 500 searches,
#   200,000 disclosure applications, 100,000 police incident rows, 300 live-meeting saves per run; LIST is a
#   comma-separated choice of audit,people,matching,disclosures,incidents,dramm,marac,marac-live (all by default).
#   A bare number as the first argument is taken as --events, as before.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=1000000 PEOPLE=1000000 PAIRS=10000 SEARCHES=500 APPLICATIONS=200000 INCIDENTS=100000 MARAC_SAVES=300 SCENARIOS=audit,people,matching,disclosures,incidents,dramm,marac,marac-live
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then EVENTS="$1"; shift; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --events) EVENTS="$2"; shift 2 ;;
    --people) PEOPLE="$2"; shift 2 ;;
    --pairs) PAIRS="$2"; shift 2 ;;
    --searches) SEARCHES="$2"; shift 2 ;;
    --applications) APPLICATIONS="$2"; shift 2 ;;
    --incidents) INCIDENTS="$2"; shift 2 ;;
    --marac-saves) MARAC_SAVES="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
. scripts/throwaway-postgres.sh
mkdir -p bench/results
dotnet build bench/Safeguard.Bench -c Release -nologo -v quiet
start_throwaway_postgres 55439
BENCH="dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll"
COMMON=(--events "$EVENTS" --people "$PEOPLE" --pairs "$PAIRS" --searches "$SEARCHES")
# The audit and person-index sets share one database per provider and write sqlite.json / postgresql.json.
# Matching quality does not touch the database, so it runs once, with the SQLite run.
MAIN=()
for s in audit people matching; do wants "$s" && MAIN+=("$s"); done
if [ ${#MAIN[@]} -gt 0 ]; then
  $BENCH --provider Sqlite "${COMMON[@]}" --scenarios "$(IFS=,; echo "${MAIN[*]}")" --out bench/results/sqlite.json
  PG_MAIN=()
  for s in "${MAIN[@]}"; do [ "$s" != matching ] && PG_MAIN+=("$s"); done
  if [ ${#PG_MAIN[@]} -gt 0 ]; then
    $BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench" "${COMMON[@]}" \
      --scenarios "$(IFS=,; echo "${PG_MAIN[*]}")" --out bench/results/postgresql.json
  fi
fi
# Clare's and Sarah's Law on a fresh database of their own, into disclosures-sqlite.json / disclosures-postgresql.json.
if wants disclosures; then
  $BENCH --provider Sqlite --connection "Data Source=${TMPDIR:-/tmp}/safeguard-bench-disclosures.db" \
    --applications "$APPLICATIONS" --scenarios disclosures --out bench/results/disclosures-sqlite.json
  $BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench_disclosures" \
    --applications "$APPLICATIONS" --scenarios disclosures --out bench/results/disclosures-postgresql.json
fi
# The police incident import on a fresh database of its own, into incidents-sqlite.json / incidents-postgresql.json.
if wants incidents; then
  $BENCH --provider Sqlite --connection "Data Source=${TMPDIR:-/tmp}/safeguard-bench-incidents.db" \
    --incidents "$INCIDENTS" --scenarios incidents --out bench/results/incidents-sqlite.json
  $BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench_incidents" \
    --incidents "$INCIDENTS" --scenarios incidents --out bench/results/incidents-postgresql.json
fi
# The day's DRAMM list and its pack, on a fresh database of its own, into dramm-sqlite.json / dramm-postgresql.json.
if wants dramm; then
  $BENCH --provider Sqlite --connection "Data Source=${TMPDIR:-/tmp}/safeguard-bench-dramm.db" \
    --scenarios dramm --out bench/results/dramm-sqlite.json
  $BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench_dramm" \
    --scenarios dramm --out bench/results/dramm-postgresql.json
fi
# A 40-case MARAC's agenda, pack and release on a fresh database of its own, into marac-sqlite.json / marac-postgresql.json.
if wants marac; then
  $BENCH --provider Sqlite --connection "Data Source=${TMPDIR:-/tmp}/safeguard-bench-marac.db" \
    --scenarios marac --out bench/results/marac-sqlite.json
  $BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench_marac" \
    --scenarios marac --out bench/results/marac-postgresql.json
fi
# The MARAC meeting, live: saves while 30 readers load the same meeting, on a fresh database of its own, into
# marac-live-sqlite.json / marac-live-postgresql.json.
if wants marac-live; then
  $BENCH --provider Sqlite --connection "Data Source=${TMPDIR:-/tmp}/safeguard-bench-marac-live.db" \
    --marac-saves "$MARAC_SAVES" --scenarios marac-live --out bench/results/marac-live-sqlite.json
  $BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench_marac_live" \
    --marac-saves "$MARAC_SAVES" --scenarios marac-live --out bench/results/marac-live-postgresql.json
fi
