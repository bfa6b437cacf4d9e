#!/usr/bin/env python3
"""Builds the "English full of Vietnamese names" items for the language identification test.

Takes English lines (the dev sets), replaces every run of capitalised words inside a sentence (names of people,
places, organisations) with a Vietnamese personal or place name, and keeps lines with at least two names that
make up at least a quarter of the words. Names are written without diacritics ("Pham Minh Chinh", as English
news from Vietnam writes them) in three items out of four and with diacritics in the fourth.
Prints TSV rows: en <TAB> CATEGORY <TAB> text. Standard library only.
Usage: lid_names.py EN_FILE [EN_FILE...] --n N --seed S
"""
import argparse, random, re, sys, unicodedata

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Tô".split()
MIDDLE = "Văn Thị Minh Đức Thanh Quốc Hữu Ngọc Thu Xuân Hồng Kim Công Đình Quang Tiến Bá Thế".split()
GIVEN = ("Chính Hùng Dũng Lan Hương Tuấn Phúc Thắng Long Nam Hải Sơn Trọng Thủy Huệ Tâm Vinh Bình Khánh Phương "
         "Quân Lâm Hà Linh Hiếu Nghĩa Đạt Trung Cường Thảo Nhung Giang Khoa Hoà Thơ Phong").split()
PLACES = ["Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Ninh", "Thừa Thiên Huế", "Bắc Ninh", "Nghệ An",
          "Hà Tĩnh", "Quảng Bình", "Lạng Sơn", "Bình Dương", "Đồng Nai", "Khánh Hoà", "Lâm Đồng", "Sóc Trăng",
          "Phú Quốc", "Hạ Long", "Điện Biên", "Tây Ninh", "Vĩnh Phúc", "Thái Nguyên"]

def strip(text):
    out = [c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"]
    return unicodedata.normalize("NFC", "".join({"đ": "d", "Đ": "D"}.get(c, c) for c in out))

def name(rng):
    if rng.random() < 0.3:
        return rng.choice(PLACES)
    parts = [rng.choice(SURNAMES)] + ([rng.choice(MIDDLE)] if rng.random() < 0.8 else []) + [rng.choice(GIVEN)]
    return " ".join(parts)

CAP = re.compile(r"(?<=[a-z,;:()\"'’-] )(?:[A-Z][a-z]+(?: (?:of |de |)[A-Z][a-z]+)*)")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--category", default="sentence-vi-names")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    lines = [l.strip() for f in a.files for l in open(f, encoding="utf-8") if l.strip()]
    rng.shuffle(lines)
    out = 0
    for line in lines:
        if out >= a.n:
            break
        accented = rng.random() < 0.25
        count = 0
        def repl(m):
            nonlocal count
            count += 1
            n = name(rng)
            return n if accented else strip(n)
        text = CAP.sub(repl, line)
        words = text.split()
        name_words = sum(1 for w in words if w[:1].isupper())
        if count >= 2 and name_words * 4 >= len(words):
            print(f"en\t{a.category}\t{text}")
            out += 1
    if out < a.n:
        print(f"only {out} items", file=sys.stderr)

if __name__ == "__main__":
    main()
