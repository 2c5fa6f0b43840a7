#!/usr/bin/env bash
# Renders the HTML reports in headless Chromium and checks what a person would see:
#   - a report of every corpus document, of a hostile document (<script>, </textarea>, quotes,
#     ampersands, an <img onerror>) and of the corpus (from the files, and from a store);
#   - each page is dumped as the DOM Chromium built (--dump-dom, after the page's script ran):
#     the script finished (body data-ready="1"), the expected elements are there (legend, cards,
#     highlighted spans, task table; graph with nodes and edges, most-cited and overdue lists),
#     the browser's element counts equal the ones in the file (no markup broken by the text),
#     nothing of the hostile document became an element;
#   - Chromium's log (--enable-logging=stderr) has no console message at all (the pages log
#     nothing, so any CONSOLE line is an error or an injected script) and no "Uncaught";
#   - the corpus report and one document report are rendered to PNG (--screenshot).
#
# Usage: Tests/Browser/check-reports.sh [--docs]
#   --docs also copies the two screenshots to docs/report-document.png and docs/report-corpus.png.
# Environment: REPORT_OUT (folder for pages, DOMs, logs and PNGs, kept; default a temporary folder,
#   removed after a clean run),
#   CHROMIUM (the browser binary; default chromium from PATH). Installs Debian's chromium when it
#   is missing and this runs as root. Exits non-zero when any check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

update_docs=false
[[ ${1:-} == --docs ]] && update_docs=true

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $chromium ]]; then
  if [[ $(id -u) == 0 ]]; then
    echo "check-reports: installing chromium (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    chromium=$(command -v chromium)
  else
    echo "check-reports: chromium is not installed (as root: apt-get install chromium)" >&2
    exit 1
  fi
fi

keep=${REPORT_OUT:+yes}
out=${REPORT_OUT:-$(mktemp -d -t vanban-reports.XXXXXX)}
mkdir -p "$out"
swift build --product vanban >/dev/null
vanban="$(swift build --show-bin-path)/vanban"
as_of=2024-06-30

passed=0
failed=0
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# chromium_dom NAME: dumps $out/NAME.html's DOM to NAME.dom and the browser's log to NAME.log.
chromium_dom() {
  local profile
  profile=$(mktemp -d -t vanban-chromium.XXXXXX)
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --virtual-time-budget=3000 --window-size=1400,1000 \
    --dump-dom "file://$out/$1.html" >"$out/$1.dom" 2>"$out/$1.log" || true
  rm -rf "$profile"
}

# count FILE PATTERN: occurrences of a fixed string.
count() { { grep -oF -- "$2" "$1" || true; } | wc -l; }

# check_common NAME SCRIPTS: the script ran, nothing was logged to the console, markup survived parsing.
check_common() {
  local name=$1 expected_scripts=$2 ok=true
  local page="$out/$name.html" dom="$out/$name.dom" log="$out/$name.log"
  if [[ ! -s $dom ]]; then fail "$name" "chromium produced no DOM (see $log)"; return 1; fi
  grep -q 'data-ready="1"' "$dom" || { fail "$name" "the page's script did not finish (no data-ready)"; ok=false; }
  if grep -E 'CONSOLE|Uncaught' "$log" >/dev/null; then
    fail "$name" "console output: $(grep -E 'CONSOLE|Uncaught' "$log" | head -3)"; ok=false
  fi
  if grep -Eo '(src|href)="[a-z]+:' "$page" | grep -v 'url(#' >/dev/null; then
    fail "$name" "the page refers to an external resource"; ok=false
  fi
  local scripts
  scripts=$(count "$dom" '<script')
  [[ $scripts == "$expected_scripts" ]] || { fail "$name" "expected our $expected_scripts script elements, the browser has $scripts"; ok=false; }
  $ok
}

# same_count NAME STRING WHAT: the browser's DOM has as many STRING as the file (and at least one).
same_count() {
  local file dom
  file=$(count "$out/$1.html" "$2"); dom=$(count "$out/$1.dom" "$2")
  if [[ $file != "$dom" || $dom == 0 ]]; then fail "$1" "$3: $dom in the DOM, $file in the file"; return 1; fi
}

check_document() {
  local name=$1 ok=true
  check_common "$name" 2 || ok=false
  grep -q '<nav id="legend"' "$out/$name.dom" || { fail "$name" "no legend"; ok=false; }
  [[ $(count "$out/$name.dom" 'data-kind="') == 7 ]] || { fail "$name" "legend without its 7 kinds"; ok=false; }
  grep -q '<div id="text" class="text">' "$out/$name.dom" || { fail "$name" "no text panel"; ok=false; }
  same_count "$name" '<span class="r k-' "highlighted spans" || ok=false
  same_count "$name" '<section class="card">' "header cards" || ok=false
  grep -q '<section class="tasks">' "$out/$name.dom" || { fail "$name" "no task section"; ok=false; }
  if grep -q '<table id="tasks">' "$out/$name.html"; then same_count "$name" '<tr data-r="' "task rows" || ok=false; fi
  $ok
}

check_corpus() {
  local name=$1 ok=true
  check_common "$name" 1 || ok=false
  grep -q '<svg id="graph"' "$out/$name.dom" || { fail "$name" "no graph"; ok=false; }
  same_count "$name" '<g class="n ing"' "ingested nodes" || ok=false
  same_count "$name" '<path class="e"' "edges" || ok=false
  same_count "$name" '<text x=' "node labels" || ok=false
  grep -q '<div class="legend" id="legend">' "$out/$name.dom" || { fail "$name" "no relation legend"; ok=false; }
  grep -q '<section class="list" id="most-cited"><h2>Most-cited documents</h2><table>' "$out/$name.dom" \
    || { fail "$name" "no most-cited table"; ok=false; }
  grep -q "<section class=\"list\" id=\"overdue\"><h2>Overdue tasks as of $as_of" "$out/$name.dom" \
    || { fail "$name" "no overdue list"; ok=false; }
  $ok
}

result() { if "$@"; then passed=$((passed + 1)); fi; }

# 1. Every corpus document.
documents=0
for file in Corpus/*/docs/*.txt; do
  name="doc-$(basename "$(dirname "$(dirname "$file")")")-$(basename "$file" .txt)"
  if ! "$vanban" report "$file" -o "$out/$name.html" 2>"$out/$name.err"; then
    fail "$name" "vanban report failed: $(head -1 "$out/$name.err")"; continue
  fi
  chromium_dom "$name"
  result check_document "$name"
  documents=$((documents + 1))
done

# 2. A hostile document: everything in it must stay text. If any of it ran, it would log to the console.
cat >"$out/hostile.txt" <<'DOC'
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 12/TB-UBND

Quảng Ngãi, ngày 2 tháng 4 năm 2024

THÔNG BÁO
V/v <script>console.error("INJECTED 1")</script> & "quotes" 'single' </textarea><img src=x onerror="console.error('INJECTED 2')">

1. Giao Sở Nội vụ <b id="injected">chủ trì</b> & báo cáo "kết quả" </script><script>console.error("INJECTED 3")</script> trước ngày 30/4/2024.
A &amp; B &lt;not a tag&gt; --> <!-- ]]> <style>body{display:none}</style>
DOC
"$vanban" report "$out/hostile.txt" -o "$out/hostile.html"
chromium_dom hostile
hostile_ok() {
  check_document hostile || return 1
  if grep -E '<img|<b id="injected"|<textarea|<style>body' "$out/hostile.dom" >/dev/null; then
    fail hostile "the document's text became elements"; return 1
  fi
  grep -qF '&lt;script&gt;console.error("INJECTED 1")&lt;/script&gt;' "$out/hostile.dom" \
    || { fail hostile "the script text is not shown as text"; return 1; }
}
result hostile_ok

# 3. The corpus, from the files and from a store.
if "$vanban" report --corpus Corpus --as-of "$as_of" -o "$out/corpus.html" 2>"$out/corpus.err"; then
  chromium_dom corpus
  result check_corpus corpus
else
  fail corpus "vanban report --corpus failed: $(head -1 "$out/corpus.err")"
fi
rm -f "$out/store.sqlite"
if "$vanban" ingest Corpus --db "$out/store.sqlite" >/dev/null 2>"$out/store.err" \
  && "$vanban" report --db "$out/store.sqlite" --as-of "$as_of" -o "$out/corpus-db.html" 2>>"$out/store.err"; then
  chromium_dom corpus-db
  result check_corpus corpus-db
else
  fail corpus-db "ingest or report --db failed: $(head -1 "$out/store.err")"
fi

# 4. Interaction: a copy of a page with a script that clicks like a person and writes what it saw
#    into the body's attributes, read back from the DOM.
interact() {
  local name=$1 probe=$2
  { sed '/^<\/body>$/,$d' "$out/$name.html"; printf '<script>\n%s\n</script>\n</body>\n</html>\n' "$probe"; } >"$out/$name-interact.html"
  chromium_dom "$name-interact"
  if grep -E 'CONSOLE|Uncaught' "$out/$name-interact.log" >/dev/null; then
    fail "$name-interact" "console output: $(grep -E 'CONSOLE|Uncaught' "$out/$name-interact.log" | head -3)"; return 1
  fi
}
document_probe='(function () {
  var b = document.body.dataset, text = document.getElementById("text");
  var citation = text.querySelector(".r.k-citation");
  citation.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  var tip = document.getElementById("tip");
  b.tipShown = String(!tip.hidden && citation.classList.contains("sel"));
  b.tipText = tip.textContent;
  var box = document.querySelector("#legend input[data-kind=citation]");
  box.click();
  b.citationsOff = String(text.classList.contains("off-citation") && getComputedStyle(citation).backgroundColor !== "rgb(191, 219, 254)");
  box.click();
  b.citationsOn = String(getComputedStyle(text.querySelector(".r.k-citation:not(.k-number):not(.k-deadline)")).backgroundColor === "rgb(191, 219, 254)");
  var row = document.querySelector("#tasks tr[data-r]");
  row.click();
  b.taskFound = String(text.querySelector("[data-r~=\"" + row.dataset.r + "\"]").classList.contains("flash"));
})();'
interact_document() {
  interact doc-own-201 "$document_probe" || return 1
  local dom="$out/doc-own-201-interact.dom" ok=true
  grep -q 'data-tip-shown="true"' "$dom" || { fail doc-own-201-interact "clicking a citation shows no tooltip"; ok=false; }
  grep -q 'data-tip-text="Citation \[[0-9]*, [0-9]*)number: [^"]*relation: ' "$dom" \
    || { fail doc-own-201-interact "the tooltip lacks the citation's fields"; ok=false; }
  grep -q 'data-citations-off="true"' "$dom" || { fail doc-own-201-interact "unticking Citation leaves citations highlighted"; ok=false; }
  grep -q 'data-citations-on="true"' "$dom" || { fail doc-own-201-interact "ticking Citation again does not bring them back"; ok=false; }
  grep -q 'data-task-found="true"' "$dom" || { fail doc-own-201-interact "clicking a task does not find its directive"; ok=false; }
  $ok
}
result interact_document
corpus_probe='(function () {
  var svg = document.getElementById("graph"), b = document.body.dataset;
  var hub = document.querySelector("#most-cited tr[data-i]");
  hub.click();
  b.focus = String(svg.classList.contains("focus"));
  b.linked = String(svg.querySelectorAll(".e.hl").length);
  b.expected = hub.children[5].textContent;
  var before = svg.getAttribute("viewBox");
  document.getElementById("zoom-in").click();
  var zoomed = svg.getAttribute("viewBox");
  document.getElementById("reset").click();
  b.zoom = String(zoomed !== before && Number(zoomed.split(" ")[2]) < Number(before.split(" ")[2]) && svg.getAttribute("viewBox") === before);
})();'
interact_corpus() {
  interact corpus "$corpus_probe" || return 1
  local dom="$out/corpus-interact.dom"
  grep -q 'data-focus="true"' "$dom" || { fail corpus-interact "clicking a most-cited row does not focus the graph"; return 1; }
  grep -q 'data-zoom="true"' "$dom" || { fail corpus-interact "zoom in and reset do not change the view"; return 1; }
  local linked expected
  linked=$(grep -o 'data-linked="[0-9]*"' "$dom" | grep -o '[0-9]*')
  expected=$(grep -o 'data-expected="[0-9]*"' "$dom" | grep -o '[0-9]*')
  [[ -n $linked && $linked -ge ${expected:-1} ]] || { fail corpus-interact "the focused document shows $linked links, cited by $expected"; return 1; }
}
[[ -f $out/corpus.html ]] && result interact_corpus

# 5. Screenshots of the corpus and of one document.
screenshot() {
  local profile
  profile=$(mktemp -d -t vanban-chromium.XXXXXX)
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" --hide-scrollbars \
    --virtual-time-budget=3000 --window-size="$3" --screenshot="$out/$2.png" "file://$out/$1.html" >/dev/null 2>&1 || true
  rm -rf "$profile"
  if [[ $(stat -c %s "$out/$2.png" 2>/dev/null || echo 0) -gt 20000 ]]; then passed=$((passed + 1)); else fail "$2" "no screenshot"; fi
}
screenshot doc-own-201 report-document 1400,1000
[[ -f $out/corpus.html ]] && screenshot corpus report-corpus 1400,1200
if $update_docs; then
  mkdir -p docs
  cp "$out/report-document.png" docs/report-document.png
  cp "$out/report-corpus.png" docs/report-corpus.png
  echo "check-reports: screenshots copied to docs/"
fi

echo "check-reports: $documents document reports, hostile, corpus (files and store); pages in $out"
echo "check-reports: $passed passed, $failed failed"
[[ $failed == 0 ]] || exit 1
# A temporary folder is removed after a clean run (kept after a failure, to look at).
if [[ -z $keep ]] && ! $update_docs; then rm -rf "$out"; fi
