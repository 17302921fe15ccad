#!/usr/bin/env bash
# Reproduces bench/README.md's figures: every scenario on SQLite and on a throwaway PostgreSQL.
# Usage: bench/run.sh [events]   (default 1,000,000 audit events)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-1000000}"
. scripts/throwaway-postgres.sh
mkdir -p bench/results
dotnet build bench/Safeguard.Bench -c Release -nologo -v quiet
start_throwaway_postgres 55439
dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll --provider Sqlite --events "$EVENTS" --out bench/results/sqlite.json
dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll --provider PostgreSQL \
  --connection "$SAFEGUARD_PG;Database=safeguard_bench" --events "$EVENTS" --out bench/results/postgresql.json
