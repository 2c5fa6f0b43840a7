#!/usr/bin/env python3
"""Generate N documents for the ingest scale benchmark from the bundled corpus.

Each output file is a corpus document with its numbers, dates and issuers varied: document
numbers get other running numbers, dates other days/months/years (always valid calendar dates),
province and city names other provinces. The result reads like a corpus of many different
notices of the same kinds, so extraction does the same work per byte as on the real corpus.

Usage: Benchmarks/generate-corpus.py COUNT OUTDIR [--seed N]
Files go into OUTDIR/NNN/ (1,000 per folder), named gen-NNNNNN.txt; the count is of files
(a few corpus files hold two documents, so documents are slightly more than COUNT).
"""
import argparse
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROVINCES = [
    "Quảng Ngãi", "Kon Tum", "Tuyên Quang", "Đà Nẵng", "Lâm Đồng", "Nghệ An", "Thanh Hóa", "Hà Tĩnh",
    "Quảng Nam", "Bình Định", "Phú Yên", "Khánh Hòa", "Gia Lai", "Đắk Lắk", "Cao Bằng", "Lào Cai",
    "Yên Bái", "Hòa Bình", "Sơn La", "Điện Biên", "Lai Châu", "Hà Giang", "Thái Nguyên", "Bắc Kạn",
    "Lạng Sơn", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Đồng Nai",
    "Bình Dương", "Tây Ninh", "Long An", "Tiền Giang", "Bến Tre", "Vĩnh Long", "Trà Vinh", "Sóc Trăng",
    "Cà Mau", "Bạc Liêu", "An Giang", "Kiên Giang", "Đồng Tháp", "Hậu Giang", "Cần Thơ", "Quảng Trị",
]
PROVINCE_RE = re.compile("|".join(sorted(map(re.escape, PROVINCES), key=len, reverse=True)))
# 89/TB-UBND, 60/2021/NĐ-CP, 05-NQ/TU: the running number before / or -.
NUMBER_RE = re.compile(r"(?<![\d/.])(\d{1,5})(?=(?:/\d{4})?/[A-ZĐ]|-[A-ZĐ]{2,}/)")
LONG_DATE_RE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
SHORT_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def vary(text: str, rng: random.Random) -> str:
    shift = rng.randint(-6, 4)  # years moved together, so deadlines stay after issue dates
    province = rng.choice(PROVINCES)
    text = PROVINCE_RE.sub(lambda m: province if rng.random() < 0.8 else rng.choice(PROVINCES), text)
    text = NUMBER_RE.sub(lambda m: str(rng.randint(1, 2999)).zfill(len(m.group(1)) if m.group(1).startswith("0") else 1), text)

    def year(y: str) -> int:
        return min(2026, max(1995, int(y) + shift))

    text = LONG_DATE_RE.sub(
        lambda m: f"ngày {min(int(m.group(1)), 28):02d} tháng {m.group(2)} năm {year(m.group(3))}", text)
    text = SHORT_DATE_RE.sub(
        lambda m: f"{min(int(m.group(1)), 28)}/{m.group(2)}/{year(m.group(3))}", text)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    sources = sorted(ROOT.glob("Corpus/*/docs/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(args.seed)
    for k in range(args.count):
        folder = args.outdir / f"{k // 1000:03d}"
        if k % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"gen-{k:06d}.txt").write_text(vary(texts[k % len(texts)], rng), encoding="utf-8")


if __name__ == "__main__":
    main()
