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

echo "== PostgreSQL (a throwaway server for the storage tests, removed at the end)"
if [ -z "${SUPPORTBOT_TEST_POSTGRES:-}" ]; then
  # shellcheck source=tests/throwaway-postgres.sh
  . "$root/tests/throwaway-postgres.sh"
  trap throwaway_pg_stop EXIT
  throwaway_pg_start 54320 54399 200 "$results" \
    || fail "no PostgreSQL for the tests (see above): install Debian's postgresql, or set SUPPORTBOT_TEST_POSTGRES to a connection string of a database the tests may create schemas in."
  export SUPPORTBOT_TEST_POSTGRES="$THROWAWAY_PG"
  echo "PostgreSQL $THROWAWAY_PG_VERSION"
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
