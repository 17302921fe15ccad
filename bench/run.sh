#!/usr/bin/env bash
# Reproduces bench/README.md's figures: every scenario on SQLite and on a throwaway PostgreSQL.
# Usage: bench/run.sh [--events N] [--people N] [--pairs N] [--searches N]
#   defaults: 1,000,000 audit events, 1,000,000 people, 10,000 duplicate and 10,000 near-miss pairs, 500 searches.
#   A bare number as the first argument is taken as --events, as before.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=1000000 PEOPLE=1000000 PAIRS=10000 SEARCHES=500
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then EVENTS="$1"; shift; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --events) EVENTS="$2"; shift 2 ;;
    --people) PEOPLE="$2"; shift 2 ;;
    --pairs) PAIRS="$2"; shift 2 ;;
    --searches) SEARCHES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. scripts/throwaway-postgres.sh
mkdir -p bench/results
dotnet build bench/Safeguard.Bench -c Release -nologo -v quiet
start_throwaway_postgres 55439
BENCH="dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll"
COMMON=(--events "$EVENTS" --people "$PEOPLE" --pairs "$PAIRS" --searches "$SEARCHES")
# Matching quality does not touch the database, so it runs once, with the SQLite run.
$BENCH --provider Sqlite "${COMMON[@]}" --scenarios audit,people,matching --out bench/results/sqlite.json
$BENCH --provider PostgreSQL --connection "$SAFEGUARD_PG;Database=safeguard_bench" "${COMMON[@]}" \
  --scenarios audit,people --out bench/results/postgresql.json
