#!/usr/bin/env bash
# Runs every test of SupportBot, installing or starting what the tests need first.
# Usage: bash tests/run.sh        (from anywhere; it works from the repository root)
# Ends with the line "N passed, N failed", summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/tests/.results"
rm -rf "$results" && mkdir -p "$results"

fail() { echo "tests/run.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH."

echo "== restore and build"
dotnet build SupportBot.sln -c Release -nologo -v quiet -clp:ErrorsOnly || fail "the build failed (see above)."

echo "== code style (dotnet format --verify-no-changes)"
dotnet format SupportBot.sln --verify-no-changes --no-restore -v quiet || fail "code style differs from .editorconfig; run 'dotnet format SupportBot.sln' and commit."

echo "== banned APIs (time comes from TimeProvider)"
if grep -rnE 'DateTime(Offset)?\.(Now|UtcNow)' --include='*.cs' src; then
  fail "use TimeProvider instead of DateTime.Now/UtcNow (lines above)."
fi

echo "== headless Chromium (the Web Chat browser tests)"
if [ -z "${SUPPORTBOT_CHROMIUM:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  how="install Debian's chromium ('sudo apt-get install chromium') or set SUPPORTBOT_CHROMIUM to a Chromium binary"
  command -v apt-get >/dev/null || fail "Chromium is missing and this is not a Debian-like system: $how."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "Chromium is missing and installing it needs root: $how."
    sudo="sudo -n"
  fi
  echo "installing Debian's chromium (once)"
  log="$results/apt.log"
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1 \
    || { tail -n 5 "$log" >&2; fail "Chromium could not be installed: $how."; }
fi

echo "== PostgreSQL (the storage contract tests run against a real server)"
if [ -z "${SUPPORTBOT_TEST_POSTGRES:-}" ]; then
  how="install and start PostgreSQL ('sudo apt-get install postgresql'), or set SUPPORTBOT_TEST_POSTGRES to a connection string of a database the tests may create schemas in"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "PostgreSQL is needed and setting it up needs root: $how."
    sudo="sudo -n"
  fi
  if ! command -v pg_ctlcluster >/dev/null; then
    command -v apt-get >/dev/null || fail "PostgreSQL is missing and this is not a Debian-like system: $how."
    echo "installing Debian's postgresql (once)"
    { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >"$results/apt-postgres.log" 2>&1 \
      || { tail -n 5 "$results/apt-postgres.log" >&2; fail "PostgreSQL could not be installed: $how."; }
  fi
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! $sudo pg_lsclusters -h 2>/dev/null | grep -q .; then
    $sudo pg_createcluster "$version" main >/dev/null || fail "could not create a PostgreSQL cluster: $how."
  fi
  cluster=$($sudo pg_lsclusters -h | head -1 | awk '{print $1" "$2}')
  port=$($sudo pg_lsclusters -h | head -1 | awk '{print $3}')
  # Started here, stopped at the end: the machine is left as it was found.
  if ! $sudo pg_lsclusters -h | head -1 | grep -q online; then
    trap '$sudo pg_ctlcluster $cluster stop 2>/dev/null || true' EXIT
  fi
  $sudo pg_ctlcluster $cluster start 2>/dev/null || true
  $sudo pg_lsclusters -h | head -1 | grep -q online || fail "PostgreSQL did not start: $how."
  password="supportbot-tests-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  $sudo runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<SQL || fail "could not prepare the test database: $how."
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supportbot_tests') THEN CREATE ROLE supportbot_tests LOGIN; END IF;
END \$\$;
ALTER ROLE supportbot_tests PASSWORD '$password';
SELECT 'CREATE DATABASE supportbot_tests OWNER supportbot_tests' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'supportbot_tests')\\gexec
SQL
  export SUPPORTBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=supportbot_tests;Password=$password;Database=supportbot_tests"
fi

passed=0; failed=0; status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  else
    echo "$name produced no results" >&2; failed=$((failed + 1)); status=1
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
