#!/usr/bin/env bash
# Side-by-side load test: the Bot Framework JavaScript reference peer (../shared/peer) against our bot, with the
# same load generator (bench/SupportBot.Benchmarks `load`: the peer walks its five steps, our bot its whole support
# conversation, every reply checked), on the same machine,
# one server at a time. Only the ratios measured in one run are meaningful.
#
#   bench/run-load.sh [--only peer|bot|postgres] [--no-postgres] [--directline] [--handoff] [--duration S] [--warmup S] [N ...]
#
# After the side-by-side runs, our bot runs the same load on PostgreSQL, as one instance and as two instances sharing
# one database, each conversation's turns sent to the two in turn (bench/SupportBot.Benchmarks `load` with two --url):
# a throwaway PostgreSQL server of its own (tests/throwaway-postgres.sh), deleted at the end. --only postgres runs
# just these; --no-postgres skips them (--directline and --handoff skip them too).
#
# --handoff: our bot only; while the load runs, a probe customer hands off again and again and a signed-in agent's
# console measures how long each case takes to appear (bench/SupportBot.Benchmarks `handoff`).
#
# --directline: our bot only, its customers on the built-in Direct Line (token, start, WebSocket stream, posts, as
# Web Chat does) instead of POST /api/messages; latency runs from a post to its replies arriving on the socket.
#
# N: concurrent conversation counts (default: 64 256). Logs are kept in a temp directory printed at the end.
# Exit status: non-zero if a server did not start or any load run reported an error.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer_src="$repo/../shared/peer"
peer_dir="$repo/bench/.peer"
peer_port=3979
bot_port=3980
business_port=3990
bot_dll="$repo/src/SupportBot.Web/bin/Release/net10.0/supportbot.dll"
bench_dll="$repo/bench/SupportBot.Benchmarks/bin/Release/net10.0/SupportBot.Benchmarks.dll"

only=""
postgres=true
transport=http
handoff=false
duration=20
warmup=3
counts=()

usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --only) only="${2:-}"; shift 2 ;;
        --only=*) only="${1#*=}"; shift ;;
        --duration) duration="${2:-}"; shift 2 ;;
        --duration=*) duration="${1#*=}"; shift ;;
        --warmup) warmup="${2:-}"; shift 2 ;;
        --warmup=*) warmup="${1#*=}"; shift ;;
        --no-postgres) postgres=false; shift ;;
        --directline) transport=directline; only=bot; postgres=false; shift ;;
        --handoff) handoff=true; only=bot; postgres=false; shift ;;
        -h|--help) usage; exit 0 ;;
        ''|*[!0-9]*) echo "run-load: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
        *) counts+=("$1"); shift ;;
    esac
done
case "$only" in ""|peer|bot|postgres) ;; *) echo "run-load: --only takes peer, bot or postgres" >&2; exit 2 ;; esac
[[ ${#counts[@]} -gt 0 ]] || counts=(64 256)
run_peer=true; run_bot=true
[[ "$only" == bot ]] && run_peer=false
[[ "$only" == peer ]] && { run_bot=false; postgres=false; }
[[ "$only" == postgres ]] && { run_peer=false; run_bot=false; postgres=true; }

logs="$(mktemp -d "${TMPDIR:-/tmp}/supportbot-load.XXXXXX")"
business_pid=""   # the business system the remedies' webhook calls
server_pid=""      # the server started last
server_pids=()     # every server of the current run (two instances: two)
server_ports=()
data_dirs=()
# shellcheck source=tests/throwaway-postgres.sh
. "$repo/tests/throwaway-postgres.sh"

stop_server() {
    local pid
    for pid in "${server_pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    server_pid=""; server_pids=(); server_ports=()
    if [[ ${#data_dirs[@]} -gt 0 ]]; then rm -rf "${data_dirs[@]}"; data_dirs=(); fi
}
stop_business() {
    if [[ -n "$business_pid" ]]; then kill -TERM "$business_pid" 2>/dev/null || true; wait "$business_pid" 2>/dev/null || true; business_pid=""; fi
}
trap 'stop_server; stop_business; throwaway_pg_stop' EXIT
trap 'exit 130' INT TERM

# Waits until $1 answers (any HTTP status below 500) while the server process is alive.
wait_for() {
    local url="$1" name="$2" log="$3"
    for _ in $(seq 300); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "run-load: $name exited during start-up; its log ($log):" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "run-load: $name did not answer $url within 30 s; its log ($log):" >&2
    tail -n 30 "$log" >&2
    return 1
}

port_free() {
    if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null; then
        echo "run-load: something already listens on 127.0.0.1:$1; stop it first" >&2
        return 1
    fi
}

# --- 1. the reference peer: a private copy with its dependencies --------------------------------------------
prepare_peer() {
    [[ -f "$peer_src/package.json" ]] || { echo "run-load: no peer at $peer_src" >&2; exit 1; }
    mkdir -p "$peer_dir"
    # Refresh the sources (they are read-only at the origin), keep node_modules.
    find "$peer_dir" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .installed-lock -exec rm -rf {} +
    (cd "$peer_src" && find . -mindepth 1 -maxdepth 1 ! -name node_modules -exec cp -R {} "$peer_dir"/ \;)
    chmod -R u+w "$peer_dir"
    if [[ ! -d "$peer_dir/node_modules" ]] || ! cmp -s "$peer_dir/package-lock.json" "$peer_dir/.installed-lock"; then
        echo "run-load: npm ci in $peer_dir"
        (cd "$peer_dir" && npm_config_yes=true npm ci --no-audit --no-fund)
        cp "$peer_dir/package-lock.json" "$peer_dir/.installed-lock"
    fi
}

# --- 2. builds -----------------------------------------------------------------------------------------------
build() {
    if $run_bot || $postgres; then
        echo "run-load: dotnet build -c Release src/SupportBot.Web"
        (cd "$repo" && dotnet build -c Release src/SupportBot.Web -nologo -v q)
        [[ -f "$bot_dll" ]] || { echo "run-load: $bot_dll not found after the build" >&2; exit 1; }
    fi
    echo "run-load: dotnet build -c Release bench/SupportBot.Benchmarks"
    (cd "$repo" && dotnet build -c Release bench/SupportBot.Benchmarks -nologo -v q)
}

# --- 3. servers and load runs --------------------------------------------------------------------------------
start_peer() {
    local log="$logs/peer-$1.server.log"
    port_free "$peer_port" || return 1
    (cd "$peer_dir" && PORT=$peer_port NODE_ENV=production exec node index.js) >"$log" 2>&1 &
    server_pid=$!; server_pids+=("$server_pid"); server_ports+=("$peer_port")
    wait_for "http://127.0.0.1:$peer_port/" "the peer" "$log"
}

# start_bot NAME PORT [SETTING...]: one instance of our bot on PORT, its data in a folder of its own.
start_bot() {
    local log="$logs/$1.server.log" port="$2"
    shift 2
    port_free "$port" || return 1
    local data_dir
    data_dir="$(mktemp -d "${TMPDIR:-/tmp}/supportbot-data.XXXXXX")"
    data_dirs+=("$data_dir")
    local agent_args=()
    if $handoff; then
        agent_args=(--Agents:Accounts:0:Login=bench --Agents:Accounts:0:Name=Bench --Agents:Accounts:0:PasswordHash="$(dotnet "$bot_dll" agents hash-password <<<"$probe_password")")
    fi
    # The load generator is one address sending each conversation's turns back to back, far faster than a person
    # types: the rate limits that protect production from runaway clients are lifted for the measurement.
    # The granted replacement is booked through the orders webhook, answered by the bench's business system; the turn
    # waits for its answer however busy the machine is, so the customer always hears it is booked.
    # The runtime's young generation is set as everywhere the app is run (README "Configuration").
    (cd "$repo" && DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x2000000}" exec dotnet "$bot_dll" --urls "http://127.0.0.1:$port" --Storage:DataDirectory="$data_dir" --Logging:LogLevel:Default=Warning \
        --RateLimits:PerConversationPer10Seconds=1000000 --RateLimits:PerAddressPerMinute=100000000 \
        --DirectLine:AnonymousPerAddressPerHour=1000000 --DirectLine:AnonymousPerHour=10000000 "${agent_args[@]}" \
        --Fulfilment:Webhooks:orders:Url="http://127.0.0.1:$business_port/orders" --Fulfilment:Webhooks:orders:Secret="bench-orders-webhook-secret" \
        --Fulfilment:Webhooks:orders:TimeoutSeconds=20 --Fulfilment:TurnBudgetSeconds=20 "$@") >"$log" 2>&1 &
    server_pid=$!; server_pids+=("$server_pid"); server_ports+=("$port")
    wait_for "http://127.0.0.1:$port/healthz" "our bot" "$log"
}

# start_postgres_bots INSTANCES N: that many instances of our bot sharing a new database of the throwaway server.
start_postgres_bots() {
    local connection i
    connection="$(throwaway_pg_database "bench_${1}_$2")" || return 1
    for i in $(seq "$1"); do
        start_bot "bot-pg$1-$2-$i" $((bot_port + i - 1)) --Storage:Provider=Postgres --Storage:ConnectionString="$connection" || return 1
    done
}

probe_password="bench-probe-$RANDOM-$RANDOM"
declare -A result=()
failed=0

# Runs the load against the servers of the current run (each conversation's turns go to them in turn); keeps its
# RESULT line as result[name:N].
run_load() {
    local name="$1" n="$2" port="${server_ports[0]}"
    local log="$logs/$name-$n.load.log"
    # The peer walks its own five steps; our bot walks its whole support conversation (seven turns).
    local flow=reference
    [ "$name" != peer ] && flow=support
    local targets=() i
    for i in "${!server_ports[@]}"; do targets+=(--url "http://127.0.0.1:${server_ports[$i]}/api/messages" --pid "${server_pids[$i]}"); done
    echo
    echo "=== $name, $n conversations ==="
    local probe_pid=""
    if $handoff && [ "$name" = bot ]; then
        (sleep "$warmup"; dotnet "$bench_dll" handoff --url "http://127.0.0.1:$port" --login bench --password "$probe_password" --samples 200 \
            | tee "$logs/$name-$n.handoff.log") &
        probe_pid=$!
    fi
    if ! dotnet "$bench_dll" load "${targets[@]}" --conversations "$n" \
        --duration "$duration" --warmup "$warmup" --label "$name" --flow "$flow" \
        --transport "$([ "$name" = bot ] && echo "$transport" || echo http)" | tee "$log"; then
        failed=1
    fi
    result[$name:$n]="$(grep '^RESULT ' "$log" | tail -n 1 || true)"
    if [ -n "$probe_pid" ]; then
        wait "$probe_pid" || failed=1
        echo "handoff to console under the load above: $(grep '^RESULT handoff' "$logs/$name-$n.handoff.log" || echo 'no result')"
    fi
}

# field RESULT-line key: prints the value of key= in the line, or "-".
field() {
    local line="$1" key="$2" v
    v="$(tr ' ' '\n' <<<"$line" | sed -n "s/^$key=//p")"
    echo "${v:--}"
}

# ratio a b: a/b with two decimals, or "-".
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'
}

$run_peer && prepare_peer
build

if $run_bot || $postgres; then
    port_free "$business_port" || exit 1
    dotnet "$bench_dll" business --port "$business_port" >"$logs/business.log" 2>&1 &
    business_pid=$!
fi

if $postgres; then
    echo "run-load: a throwaway PostgreSQL server for the runs on PostgreSQL"
    throwaway_pg_start 54420 54499 500 "$logs" || exit 1
    echo "run-load: PostgreSQL $THROWAWAY_PG_VERSION"
fi

for n in "${counts[@]}"; do
    if $run_peer; then
        if start_peer "$n"; then run_load peer "$n"; else failed=1; fi
        stop_server
    fi
    if $run_bot; then
        if start_bot "bot-$n" "$bot_port"; then run_load bot "$n"; else failed=1; fi
        stop_server
    fi
    if $postgres; then
        for instances in 1 2; do
            if start_postgres_bots "$instances" "$n"; then run_load "pg$instances" "$n"; else failed=1; fi
            stop_server
        done
    fi
done

# --- 4. the side-by-side table -------------------------------------------------------------------------------
if $run_peer || $run_bot; then
    echo
    echo "## Load: reference peer (Bot Framework JS SDK) vs. our bot (transport: $transport) — ${duration} s measured after ${warmup} s warm-up, $(nproc) cores"
    echo
    echo "| conversations | peer turns/s | bot turns/s | turns/s bot÷peer | peer p50 ms | bot p50 ms | peer p99 ms | bot p99 ms | p99 bot÷peer | peer peak RSS MiB | bot peak RSS MiB | errors peer / bot |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in "${counts[@]}"; do
        p="${result[peer:$n]:-}"; b="${result[bot:$n]:-}"
        pt="$(field "$p" turns_per_s)"; bt="$(field "$b" turns_per_s)"
        p99p="$(field "$p" p99_ms)"; p99b="$(field "$b" p99_ms)"
        echo "| $n | $pt | $bt | $(ratio "$bt" "$pt") | $(field "$p" p50_ms) | $(field "$b" p50_ms) | $p99p | $p99b | $(ratio "$p99b" "$p99p") | $(field "$p" peak_rss_mib) | $(field "$b" peak_rss_mib) | $(field "$p" errors) / $(field "$b" errors) |"
    done
fi

if $postgres; then
    echo
    echo "## Our bot on PostgreSQL: one instance, and two sharing the database (each conversation's turns alternating between them) — ${duration} s measured after ${warmup} s warm-up, $(nproc) cores"
    echo
    echo "| conversations | 1 instance turns/s | 2 instances turns/s | 1 instance p50 / p99 ms | 2 instances p50 / p99 ms | peak RSS MiB, 1 / 2 (both) | errors 1 / 2 |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    for n in "${counts[@]}"; do
        one="${result[pg1:$n]:-}"; two="${result[pg2:$n]:-}"
        echo "| $n | $(field "$one" turns_per_s) | $(field "$two" turns_per_s) | $(field "$one" p50_ms) / $(field "$one" p99_ms) | $(field "$two" p50_ms) / $(field "$two" p99_ms) | $(field "$one" peak_rss_mib) / $(field "$two" peak_rss_mib) | $(field "$one" errors) / $(field "$two" errors) |"
    done
fi
echo
echo "Logs: $logs"
exit "$failed"
