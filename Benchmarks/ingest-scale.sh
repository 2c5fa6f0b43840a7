#!/usr/bin/env bash
# Ingest at scale (issue 5): builds vanban in release mode, generates COUNT documents from the
# bundled corpus (varied numbers, dates and issuers; Benchmarks/generate-corpus.py), ingests them
# into a fresh store on one core (taskset -c 0, --jobs 1) and on two (--jobs 2), and reports
# documents per second, CPU seconds, the speed-up and peak RSS (/usr/bin/time -v). The writer
# is a thread of its own, so the one-core run is pinned to one core, not only given one job.
# The file phase runs with --no-graph; the graph is then recomputed by a second run (every file
# unchanged) and reported apart, since the linker needs every stored document at once and its
# memory grows with the corpus.
# Memory of the file phase must stay flat: the peak RSS of a 5,000-file run and of the
# COUNT-file run are compared and the script fails when the larger one needs more than
# FLAT_LIMIT times the memory of the smaller.
#
# Usage: Benchmarks/ingest-scale.sh [COUNT] [WORKDIR]     (defaults: 20000, a new temp folder)
# Environment: FLAT_LIMIT (default 1.3), KEEP=1 keeps WORKDIR.
set -euo pipefail
COUNT=${1:-20000}
WORK=${2:-$(mktemp -d /tmp/vanban-scale.XXXXXX)}
SMALL=5000
FLAT_LIMIT=${FLAT_LIMIT:-1.3}
cd "$(dirname "$0")/.."

swift build -c release >&2
BIN="$(swift build -c release --show-bin-path)/vanban"
[ -x /usr/bin/time ] || { echo "ingest-scale: needs GNU time at /usr/bin/time" >&2; exit 1; }
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"' EXIT

echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || uname -m)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs"

python3 Benchmarks/generate-corpus.py "$COUNT" "$WORK/docs"
SMALL_DIRS=()
for d in "$WORK"/docs/*; do
  [ $((10#$(basename "$d") * 1000)) -lt "$SMALL" ] && SMALL_DIRS+=("$d")
done
echo "input:   $COUNT files, $(du -sh --apparent-size "$WORK/docs" | cut -f1)"

# run NAME JOBS ARGS...: one ingest (its line printed); sets DOCS SECONDS_ CPU RSS.
# JOBS 1 runs pinned to one core.
run() {
  local name=$1 jobs=$2; shift 2
  local pin=()
  [ "$jobs" = 1 ] && command -v taskset > /dev/null && pin=(taskset -c 0)
  /usr/bin/time -v -o "$WORK/$name.time" "${pin[@]}" "$BIN" ingest --jobs "$jobs" "$@" 2> "$WORK/$name.err" || {
    echo "ingest-scale: $name failed:" >&2; tail -3 "$WORK/$name.err" >&2; exit 1; }
  DOCS=$(grep -o '), [0-9]* documents' "$WORK/$name.err" | tail -1 | grep -o '[0-9]*')
  SECONDS_=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/$name.time")
  CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$WORK/$name.time")
  RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$name.time")
  printf '%-8s jobs %s %6s documents %7.1f s %7.1f documents/s  CPU %6.1f s  peak RSS %6.1f MB\n' \
    "$name" "$jobs" "$DOCS" "$SECONDS_" "$(echo "$DOCS / $SECONDS_" | bc -l)" "$CPU" "$(echo "$RSS / 1024" | bc -l)"
}

rm -f "$WORK"/*.sqlite*
run small-2 2 --no-graph --db "$WORK/small.sqlite" "${SMALL_DIRS[@]}"; SMALL_RSS=$RSS
run full-1 1 --no-graph --db "$WORK/one.sqlite" "$WORK/docs"; RATE1=$(echo "$DOCS / $SECONDS_" | bc -l)
run full-2 2 --no-graph --db "$WORK/two.sqlite" "$WORK/docs"; RATE2=$(echo "$DOCS / $SECONDS_" | bc -l); FULL_RSS=$RSS
echo "store:   $(du -sh "$WORK/two.sqlite" | cut -f1) for $COUNT files"
run graph-5k 2 --db "$WORK/small.sqlite" "${SMALL_DIRS[@]}"
echo "         $(grep -o 'graph of .*' "$WORK/graph-5k.err")"
run graph 2 --db "$WORK/two.sqlite" "$WORK/docs"
echo "         $(grep -o 'graph of .*' "$WORK/graph.err")"
SPEEDUP=$(echo "$RATE2 / $RATE1" | bc -l)
GROWTH=$(echo "$FULL_RSS / $SMALL_RSS" | bc -l)
printf 'speed-up: %.2fx on 2 cores (jobs 2) over 1 core (taskset -c 0, jobs 1), file phase\n' "$SPEEDUP"
printf 'memory:   file phase peak RSS %.1f MB at %s files vs %.1f MB at %s files (x%.2f, limit x%s)\n' \
  "$(echo "$FULL_RSS / 1024" | bc -l)" "$COUNT" "$(echo "$SMALL_RSS / 1024" | bc -l)" "$SMALL" "$GROWTH" "$FLAT_LIMIT"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs"
if [ "$(echo "$GROWTH > $FLAT_LIMIT" | bc -l)" = 1 ]; then
  echo "ingest-scale: memory grows with the corpus" >&2
  exit 1
fi
