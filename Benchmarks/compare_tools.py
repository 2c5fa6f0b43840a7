#!/usr/bin/env python3
"""Times the reference tools of issue 6 on one input file and prints TSV rows:
tool, MB/s, bytes timed, note.  Used by Benchmarks/compare.sh; run inside its virtual environment.

Each tool reads the text paragraph by paragraph (non-empty lines), as a user of the library would;
the regular-expression baselines and ICU read the whole text at once.  Slow tools read a prefix of
the input (the table says how much) and their speed is scaled to MB/s of that prefix.  A first call
on three lines loads models and is not timed; the best of the rounds is reported."""
import sys
import time
import unicodedata

path = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
data = open(path, "rb").read()
text = data.decode("utf-8")


def prefix_lines(limit):
    """Whole lines from the start of the text up to `limit` UTF-8 bytes."""
    lines, size = [], 0
    for line in text.split("\n"):
        n = len(line.encode("utf-8")) + 1
        if size + n > limit and lines:
            break
        size += n
        if line.strip():
            lines.append(line)
    return lines, size


def row(name, run, limit=None, rounds_here=None, note=""):
    """Times `run(lines)` over the prefix; prints the best of the rounds."""
    try:
        if limit is None:
            lines, size = [l for l in text.split("\n") if l.strip()], len(data)
        else:
            lines, size = prefix_lines(limit)
        run(lines[:3])  # warm up: models load on the first call, which is not timed
        best = None
        for _ in range(rounds_here or rounds):
            start = time.perf_counter()
            run(lines)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        mb_s = size / 1e6 / best
        if limit is not None:
            note = (note + "; " if note else "") + "prefix of %.2f MB" % (size / 1e6)
        print("%s\t%.3f\t%d\t%s" % (name, mb_s, size, note), flush=True)
    except Exception as error:  # a tool that fails says so in its row; the others go on
        print("%s\t\t0\tfailed: %s" % (name, str(error).replace("\t", " ").replace("\n", " ")[:120]), flush=True)


def tool(name, loader, make_run, **kwargs):
    try:
        module = loader()
    except Exception as error:
        print("%s\t\t0\tnot installed: %s" % (name, str(error).replace("\n", " ")[:120]), flush=True)
        return
    row(name, make_run(module), **kwargs)


def underthesea():
    import underthesea as u
    return u


def pyvi():
    from pyvi import ViTokenizer
    return ViTokenizer


def dateparser_search():
    from dateparser.search import search_dates
    return search_dates


def icu():
    import icu as i
    return i


tool("underthesea text_normalize", underthesea, lambda u: lambda ls: [u.text_normalize(l) for l in ls], limit=1_000_000, rounds_here=1)
tool("underthesea sent_tokenize", underthesea, lambda u: lambda ls: [u.sent_tokenize(l) for l in ls], limit=2_000_000, rounds_here=1)
tool("underthesea word_tokenize", underthesea, lambda u: lambda ls: [u.word_tokenize(l) for l in ls], limit=200_000, rounds_here=1)
tool("underthesea ner", underthesea, lambda u: lambda ls: [u.ner(l) for l in ls], limit=20_000, rounds_here=1)
tool("pyvi ViTokenizer.tokenize", pyvi, lambda t: lambda ls: [t.tokenize(l) for l in ls], limit=500_000, rounds_here=1)
tool("dateparser search_dates(vi)", dateparser_search,
     lambda s: lambda ls: [s(l, languages=["vi"]) for l in ls], limit=30_000, rounds_here=1)

import re
numbers = re.compile(r"\b\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*\b")
dates = re.compile(r"\b[Nn]gày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b")
row("re: one regex, document numbers", lambda ls: len(numbers.findall(text)), note="%d found" % len(numbers.findall(text)))
row("re: one regex, full dates", lambda ls: len(dates.findall(text)), note="%d found" % len(dates.findall(text)))


def icu_rows(i):
    nfc = i.Normalizer2.getNFCInstance()
    nfd_text = unicodedata.normalize("NFD", text)
    row("ICU NFC of NFC text", lambda ls: nfc.normalize(text), note="PyICU")
    row("ICU NFC of NFD text", lambda ls: nfc.normalize(nfd_text), note="PyICU; MB/s of the NFC bytes")

    def words(ls):
        it = i.BreakIterator.createWordInstance(i.Locale("vi"))
        it.setText(text)
        n = 0
        for _ in it:
            n += 1
        return n
    row("ICU word BreakIterator", words, note="PyICU")


try:
    icu_rows(icu())
except Exception as error:
    print("ICU (PyICU)\t\t0\tnot installed: %s" % str(error).replace("\n", " ")[:120], flush=True)
