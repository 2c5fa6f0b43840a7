#!/usr/bin/env bash
# Fuzz the pipeline (decode → normalize → tokenize → extract → export) with libFuzzer for SECONDS.
#
#   Fuzz/run.sh 300            # build (if sources changed) and fuzz for 5 minutes
#   Fuzz/run.sh 0 FILE...      # build and run the target once on each FILE (reproduce a crash)
#
# The package sources are compiled module by module with `swiftc -sanitize=fuzzer,address`
# (CICU by clang), linked with the system ICU. The working corpus starts from Corpus/*/docs and
# Fuzz/regressions and lives in .build-fuzz/corpus (not committed); crashes, timeouts and
# out-of-memory inputs are saved in Fuzz/crashes/. Copy a fixed one into Fuzz/regressions/:
# the PropertyTests suite runs every file there through all the output checks.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"; shift || true
OUT=.build-fuzz
mkdir -p "$OUT/obj" "$OUT/corpus" Fuzz/crashes
export VANBAN_LEXICONS="$PWD/Lexicons"

SWIFTFLAGS=(-O -wmo -parse-as-library -sanitize=fuzzer,address -I "$OUT/obj" -Xcc -fmodule-map-file="$OUT/obj/module.modulemap")
stamp="$OUT/obj/stamp"
if [[ ! -f "$stamp" ]] || [[ -n "$(find Sources Fuzz/main.swift -newer "$stamp" -type f | head -1)" ]]; then
  echo "building the fuzz target…" >&2
  cat > "$OUT/obj/module.modulemap" <<MAP
module CICU {
    header "$PWD/Sources/CICU/include/cicu.h"
    link "icuuc"
    link "icui18n"
    export *
}
MAP
  clang -O1 -fsanitize=fuzzer-no-link,address -I Sources/CICU/include -c Sources/CICU/cicu.c -o "$OUT/obj/cicu.o"
  for module in VanBanText VanBanExtract VanBanLink VanBanExport VanBanReport; do
    mapfile -t files < <(find "Sources/$module" -name '*.swift' | sort)
    swiftc "${SWIFTFLAGS[@]}" -module-name "$module" -emit-module -emit-module-path "$OUT/obj/$module.swiftmodule" \
      -c "${files[@]}" -o "$OUT/obj/$module.o"
  done
  swiftc "${SWIFTFLAGS[@]}" -module-name FuzzVanBan Fuzz/main.swift \
    "$OUT/obj/VanBanText.o" "$OUT/obj/VanBanExtract.o" "$OUT/obj/VanBanLink.o" "$OUT/obj/VanBanExport.o" "$OUT/obj/VanBanReport.o" "$OUT/obj/cicu.o" \
    -licuuc -licui18n -o "$OUT/fuzz-vanban" 2>&1 | { grep -v 'Cannot export local symbol' || true; } >&2
  touch "$stamp"
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
if [[ "$SECONDS_TO_RUN" == 0 ]]; then
  exec "$OUT/fuzz-vanban" -runs=1 "$@"
fi
# Seeds: the corpus documents and every regression input.
cp -n Corpus/*/docs/*.txt "$OUT/corpus/" 2>/dev/null || true
cp -n Fuzz/regressions/* "$OUT/corpus/" 2>/dev/null || true
rm -f "$OUT/corpus/README.md"
# -timeout: an input taking more than 10 s (the documents are small) is a hang;
# -rss_limit_mb: more than 2 GB is a memory blow-up; -max_len: big enough for a whole notice.
exec "$OUT/fuzz-vanban" "$OUT/corpus" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1 -artifact_prefix=Fuzz/crashes/ -dict=Fuzz/vanban.dict "$@"
