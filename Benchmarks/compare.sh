#!/usr/bin/env bash
# VanBan against the reference tools of issue 6, on the same input in the same run.
#
# Usage: Benchmarks/compare.sh [MIN_MB] [ROUNDS]     (defaults: 5 MB, 3 rounds)
#
# Builds the release binary; `vanban bench` repeats the bundled corpus to MIN_MB, times its stages
# and saves that exact text; a throwaway Python virtual environment (python3 -m venv in a temporary
# folder; set COMPARE_VENV=DIR to keep and reuse one) gets underthesea, pyvi, dateparser and PyICU
# from PyPI, and Benchmarks/compare_tools.py times each on the saved text. A tool that fails to
# install or run says so in its row and the others carry on. One table follows: each tool's MB/s,
# the VanBan stage that does comparable work, and VanBan's ratio to the tool (above 1: VanBan is
# faster). Everything runs on one core; the machine's load is printed because others skew it.
set -uo pipefail
MIN_MB=${1:-5}
ROUNDS=${2:-3}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product vanban >&2 || { echo "compare.sh: the release build failed" >&2; exit 1; }
BIN="$(swift build -c release --show-bin-path)/vanban"

echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"

INPUT="$WORK/input.txt"
taskset -c 0 "$BIN" bench --rounds "$ROUNDS" --min-mb "$MIN_MB" --format tsv --save-input "$INPUT" > "$WORK/vanban.tsv" 2> "$WORK/vanban.err" \
  || "$BIN" bench --rounds "$ROUNDS" --min-mb "$MIN_MB" --format tsv --save-input "$INPUT" > "$WORK/vanban.tsv" 2> "$WORK/vanban.err" \
  || { echo "compare.sh: vanban bench failed: $(head -1 "$WORK/vanban.err")" >&2; exit 1; }
echo "input:   $(wc -c < "$INPUT") bytes (the bundled corpus repeated; the same text for every tool)"

VENV="${COMPARE_VENV:-$WORK/venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" || { echo "compare.sh: python3 -m venv failed (install python3-venv)" >&2; exit 1; }
fi
"$VENV/bin/pip" install -q --upgrade pip >/dev/null 2>&1
for package in underthesea pyvi dateparser PyICU; do
  "$VENV/bin/pip" install -q "$package" > "$WORK/pip-$package.log" 2>&1 \
    || echo "note:    pip install $package failed: $(tail -1 "$WORK/pip-$package.log")"
done
taskset -c 0 "$VENV/bin/python" "$ROOT/Benchmarks/compare_tools.py" "$INPUT" "$ROUNDS" > "$WORK/tools.tsv" 2> "$WORK/tools.err" \
  || "$VENV/bin/python" "$ROOT/Benchmarks/compare_tools.py" "$INPUT" "$ROUNDS" > "$WORK/tools.tsv" 2> "$WORK/tools.err" \
  || echo "note:    compare_tools.py stopped: $(tail -1 "$WORK/tools.err")"

# Which VanBan stage does the work each tool does.
stage_for() {
  case "$1" in
    "underthesea text_normalize"|"ICU NFC"*) echo normalize ;;
    "underthesea sent_tokenize") echo sentences ;;
    "underthesea word_tokenize"|"pyvi"*|"ICU word"*) echo tokens ;;
    *) echo extract ;;
  esac
}
echo
printf '%-34s %10s  %-10s %10s %9s  %s\n' "tool" "MB/s" "VanBan" "MB/s" "ratio" "note"
while IFS=$'\t' read -r stage median best found; do
  [ "$stage" = stage ] && continue
  case "$stage" in documents_per_s|peak_mb) continue ;; esac
  printf '%-34s %10s  %-10s %10s %9s  %s\n' "vanban $stage" "$median" "" "" "" "median of $ROUNDS rounds; best $best; found $found"
done < "$WORK/vanban.tsv"
while IFS=$'\t' read -r tool mbs size note; do
  stage="$(stage_for "$tool")"
  ours="$(awk -F'\t' -v s="$stage" '$1 == s { print $2 }' "$WORK/vanban.tsv")"
  if [ -n "$mbs" ] && [ -n "$ours" ]; then
    ratio="$(awk -v a="$ours" -v b="$mbs" 'BEGIN { if (b > 0) printf (a / b < 10 ? "%.2f×" : "%.0f×"), a / b }')"
  else
    ratio="-"; mbs="${mbs:--}"
  fi
  printf '%-34s %10s  %-10s %10s %9s  %s\n' "$tool" "$mbs" "$stage" "$ours" "$ratio" "$note"
done < "$WORK/tools.tsv"
echo
awk -F'\t' '$1 == "documents_per_s" { print "vanban documents/s (extract): " $2 } $1 == "peak_mb" { print "vanban peak memory: " $2 " MB" }' "$WORK/vanban.tsv"
