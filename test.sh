#!/usr/bin/env bash
# Runs every test: the data and HTTP tests on SQLite and on PostgreSQL, and the browser journeys in Chromium.
# Installs what it needs through apt (Chromium, PostgreSQL) and npm, starts a throwaway PostgreSQL on
# loopback, and ends with the line "N passed, N failed". Exit status is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

. scripts/throwaway-postgres.sh

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_apt+=(postgresql)
ensure_apt_packages "${need_apt[@]}" || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }

start_throwaway_postgres "${SAFEGUARD_PG_PORT:-55432}" || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
export SAFEGUARD_TEST_PG="$SAFEGUARD_PG"

# A real SMTP server on loopback for the email tests; each message it accepts lands in TestResults/mail.
python3 scripts/test-smtp-server.py 0 "$RESULTS/mail" > "$RESULTS/smtp.port" &
SMTP_PID=$!
trap 'kill $SMTP_PID 2>/dev/null; stop_throwaway_postgres' EXIT
for _ in $(seq 50); do [ -s "$RESULTS/smtp.port" ] && break; sleep 0.1; done
[ -s "$RESULTS/smtp.port" ] || { echo "The test SMTP server did not start"; echo "0 passed, 1 failed"; exit 1; }
export SAFEGUARD_TEST_SMTP_PORT="$(head -n 1 "$RESULTS/smtp.port")" SAFEGUARD_TEST_MAILDIR="$RESULTS/mail"

echo "Building..."
dotnet build Safeguard.slnx -c Release -nologo -v quiet 2>&1 | tail -n 20
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "Build failed"; echo "0 passed, 1 failed"; exit 1; fi

run() { # name project database
  echo "== $1"
  SAFEGUARD_TEST_DB="$3" dotnet test "$2" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$RESULTS/$1.trx" --logger "console;verbosity=minimal" 2>&1 | grep -vE '^\s*$' | tail -n 40
}
run core-sqlite tests/Safeguard.Core.Tests sqlite
run core-postgres tests/Safeguard.Core.Tests postgres
run web-sqlite tests/Safeguard.Web.Tests sqlite
run web-postgres tests/Safeguard.Web.Tests postgres
if [ -d tests/Safeguard.EndToEndTests ]; then run browser tests/Safeguard.EndToEndTests sqlite; fi

# The closing line, counted from the TRX files (dotnet test's own summary is per project).
python3 - "$RESULTS" <<'PY'
import glob, re, sys
passed = failed = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    m = re.search(r'<Counters [^>]*', open(f, encoding="utf-8").read())
    if m:
        attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
        passed += int(attrs.get("passed", 0))
        failed += int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
expected = 5 if __import__("os").path.isdir("tests/Safeguard.EndToEndTests") else 4
if len(files) < expected:
    failed += expected - len(files)   # a test run that crashed before writing its results counts as a failure
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
PY
