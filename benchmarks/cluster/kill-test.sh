#!/usr/bin/env bash
# Three silos on a throwaway PostgreSQL, people looping "get tip → react" across their three HTTP ports,
# one silo stopped in the middle; prints failed requests, the time until everyone is served again,
# acknowledged reactions lost and cycles per second. See docs/cluster.md.
#
#   bash benchmarks/cluster/kill-test.sh [--signal KILL|TERM] [--people 24] [--warm-up 10] [--seconds 40] [--stop-after 15]
#                                        [--trace FILE.nettrace]
#
# --trace records a sampled-thread-time trace of silo 0 (dotnet-trace, on PATH or in $DOTNET_TRACE) from the
# end of the warm-up until just before the stop; benchmarks/profile/categorize.py says where its CPU went.
#
# Needs PostgreSQL's server binaries (scripts/test.sh installs them: apt-get install postgresql).
set -euo pipefail
cd "$(dirname "$0")/../.."

signal=KILL; people=24; warm_up=10; seconds=40; stop_after=15; trace=
while [ $# -gt 0 ]; do
  case "$1" in
    --signal) signal="$2"; shift 2 ;;
    --people) people="$2"; shift 2 ;;
    --warm-up) warm_up="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --stop-after) stop_after="$2"; shift 2 ;;
    --trace) trace="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

echo "building (Release) ..."
dotnet build -c Release src/Silo/Silo.csproj -v quiet -clp:ErrorsOnly --nologo
dotnet build -c Release benchmarks/cluster/OO.ClusterKill -v quiet -clp:ErrorsOnly --nologo

work=$(mktemp -d /tmp/oo-cluster.XXXXXX)
chmod 0755 "$work"
pids=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  as_pg "$bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Sets $port to a port nothing listens on and that this run has not handed out yet, below the kernel's
# range of ephemeral ports (where an outgoing connection's local port would make the bind fail).
taken=" "
ephemeral=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
next_port() {
  while :; do
    port=$((10000 + RANDOM % (ephemeral - 10000)))
    case "$taken" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then taken="$taken$port "; return; fi
  done
}

# PostgreSQL with its default durability (fsync on): an acknowledged write must survive.
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
next_port; pg_port=$port
as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
as_pg "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE oo" >/dev/null
database="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=oo"

# Production settings (server GC, JSON logs at the configured level) with what a benchmark needs on top:
# development sign-in, the demo source, no rate limits, and snoozes and dismissals that hide a task for
# a millisecond, so the demo's tasks never run out.
urls=()
for i in 0 1 2; do
  next_port; http_port=$port; next_port; silo_port=$port
  mkdir -p "$work/silo$i"
  (cd src/Silo && exec env ASPNETCORE_ENVIRONMENT=Production \
     OO__PublicBaseUrl=https://127.0.0.1 \
     OO__DataDirectory="$work/silo$i" \
     OO__Storage__Provider=postgres OO__Storage__ConnectionString="$database" \
     OO__Cluster__SiloPort="$silo_port" \
     OO__Auth__DevSignIn=true OO__Demo__Enabled=true \
     OO__RateLimits__SignInPermitLimit=0 OO__RateLimits__ApiPermitLimit=0 \
     OO__Tips__SnoozeFor=00:00:00.001 OO__Tips__DismissFor=00:00:00.001 \
     OO__Shutdown__DrainDelay=00:00:02 \
     Logging__LogLevel__Default=Warning Logging__LogLevel__OO.Api.Http.SafeGrainCallRetry=Information \
     dotnet bin/Release/net10.0/OO.Silo.dll --urls "http://127.0.0.1:$http_port" >"$work/silo$i.log" 2>&1) &
  pids+=($!)
  disown
  urls+=("http://127.0.0.1:$http_port")
  # One at a time: the first creates the schema.
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "silo $i did not start:"; tail -n 30 "$work/silo$i.log"; exit 1; }
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$http_port/readyz" >/dev/null || { echo "silo $i not ready:"; tail -n 30 "$work/silo$i.log"; exit 1; }
  echo "silo $i ready on ${urls[$i]} (pid ${pids[$i]}, silo port $silo_port)"
done

echo "load: $(uptime)"
# CPU seconds used so far by the silos and by this run's PostgreSQL (its postmaster and backends), to say
# where a cycle's time goes.
cpu() {  # user + system time of the given processes and of their reaped children, in seconds
  local ticks; ticks=$(getconf CLK_TCK)
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done | awk -v hz="$ticks" '{ s += $14 + $15 + $16 + $17 } END { printf "%.1f", s / hz }'
}
pg_pids() { local main; main=$(head -n 1 "$work/pg/postmaster.pid"); echo "$main $(pgrep -P "$main" | tr '\n' ' ')"; }
silo_cpu_before=$(cpu "${pids[@]}"); pg_cpu_before=$(cpu $(pg_pids)); started=$(date +%s.%N)
# Peak resident memory of each silo, sampled every second while the load runs (k8s/silo.yaml's requests come from it).
# Each silo's CPU is sampled with it, so the stopped silo's last second alive is counted too.
( while :; do for i in 0 1 2; do
    rss=$(ps -o rss= -p "${pids[$i]}" 2>/dev/null) && echo "$i $rss $(cpu "${pids[$i]}")"
  done; sleep 1; done ) >"$work/rss" &
sampler=$!
disown
if [ -n "$trace" ]; then
  # Signing the people in takes a few seconds before the warm-up; the trace ends a second before the stop.
  ( sleep $((warm_up + 3)); "${DOTNET_TRACE:-dotnet-trace}" collect -p "${pids[0]}" --duration "00:00:00:$((stop_after - 1))" \
      -o "$trace" >"$work/trace.log" 2>&1 && echo "trace of silo 0 written to $trace" ) &
fi
set +e
dotnet benchmarks/cluster/OO.ClusterKill/bin/Release/net10.0/OO.ClusterKill.dll \
  --silos "$(IFS=,; echo "${urls[*]}")" --victim-pid "${pids[2]}" --signal "$signal" --database "$database" \
  --people "$people" --warm-up "$warm_up" --seconds "$seconds" --stop-after "$stop_after"
status=$?
set -e
kill "$sampler" 2>/dev/null || true
elapsed=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.0f", now - then }')
silo_cpu=$(awk -v before="$silo_cpu_before" '{ last[$1] = $3 } END { for (i in last) s += last[i]; printf "%.1f", s - before }' "$work/rss")
pg_cpu=$(awk -v now="$(cpu $(pg_pids))" -v then="$pg_cpu_before" 'BEGIN { printf "%.1f", now - then }')
echo "cpu                 silos ${silo_cpu} s, PostgreSQL ${pg_cpu} s in ${elapsed} s of wall time on $(nproc) cores (from sign-in to the loss check)"
for i in 0 1 2; do
  peak=$(awk -v i="$i" '$1 == i && $2 > max { max = $2 } END { print int(max / 1024) }' "$work/rss")
  echo "silo $i: peak working set ${peak} MiB$( [ "$i" -eq 2 ] && echo " (the stopped one)"; true)"
done
echo "load: $(uptime)"
if [ "$signal" = TERM ]; then
  for _ in $(seq 1 120); do kill -0 "${pids[2]}" 2>/dev/null || break; sleep 0.5; done
  kill -0 "${pids[2]}" 2>/dev/null && echo "the stopped silo is still running" || echo "the stopped silo has exited"
fi
if [ -n "${OO_KEEP_LOGS:-}" ]; then cp "$work"/silo*.log "$OO_KEEP_LOGS"/ && echo "silo logs copied to $OO_KEEP_LOGS"; fi
exit $status
