#!/usr/bin/env bash
# Reproducible throughput figure: builds vanban in release mode and runs `vanban bench` with a
# fixed number of rounds on the bundled corpus, printing the machine and the date with the table.
#
# Usage: Benchmarks/bench.sh [ROUNDS] [MIN_MB]    (defaults: 3 rounds, 5 MB)
# Each stage runs on one core; other processes on the machine skew the figures, so the load
# average is printed too. Compare medians, not single rounds.
set -euo pipefail
ROUNDS=${1:-3}
MIN_MB=${2:-5}
cd "$(dirname "$0")/.."

swift build -c release >&2
BIN="$(swift build -c release --show-bin-path)/vanban"

echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || uname -m)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min)"
echo "swift:   $(swift --version 2>/dev/null | head -1)"
"$BIN" bench --rounds "$ROUNDS" --min-mb "$MIN_MB"
