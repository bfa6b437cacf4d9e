#!/usr/bin/env python3
"""Builds a large collection for timing `aligner match` (issue 6): N text files, about half English and half
Vietnamese, from the LibreOffice help pages in ../shared/data (MPL-2.0; paragraph-parallel pages).

Each file holds 3-5 help pages of one language, one paragraph per line, separated by blank lines. The pages are dealt
out so that an English file and a Vietnamese file share most but not all of their pages, some pages appear in one
language only, and the order of pages differs between the two files: the matcher has to find partners by content.
No gold is written: this collection measures time and its growth with size, not quality.

With --unique, paragraphs whose English or Vietnamese text occurs more than once in the help are left out, so the
number of true matches grows like the collection and the timing shows how the matcher itself scales.

Usage: make_scale.py --data DIR --out DIR --files N [--seed S] [--unique]
"""
import argparse, gzip, os, random


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="../shared/data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--unique", action="store_true", help="leave out paragraphs repeated anywhere in the help")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    base = os.path.join(a.data, "libreoffice-help-en-vi")
    en = gzip.open(os.path.join(base, "lohelp.en.gz"), "rt", encoding="utf-8").read().split("\n")
    vi = gzip.open(os.path.join(base, "lohelp.vi.gz"), "rt", encoding="utf-8").read().split("\n")
    from collections import Counter
    seen = Counter(en) + Counter(vi)
    keep = (lambda k: seen[en[k]] == 1 and seen[vi[k]] == 1) if a.unique else (lambda k: True)
    pages = []
    for row in open(os.path.join(base, "lohelp.docs.tsv"), encoding="utf-8").read().splitlines()[1:]:
        _, s, e = row.split("\t")
        lines = [k for k in range(int(s) - 1, int(e)) if keep(k)]
        if lines:
            pages.append(([en[k] for k in lines], [vi[k] for k in lines]))
    rng.shuffle(pages)
    os.makedirs(a.out, exist_ok=True)
    names = list(range(a.files))
    rng.shuffle(names)
    written, k = 0, 0
    while written + 1 < a.files:
        group = [pages[(k + j) % len(pages)] for j in range(rng.randint(3, 5))]
        k += len(group)
        en_pages = [p[0] for p in group if rng.random() < 0.9]
        vi_pages = [p[1] for p in group if rng.random() < 0.9]
        rng.shuffle(vi_pages)
        for side in (en_pages, vi_pages):
            text = "\n\n".join("\n\n".join(page) for page in side) + "\n"
            with open(os.path.join(a.out, f"s{names[written]:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
            written += 1
    total = sum(os.path.getsize(os.path.join(a.out, f)) for f in os.listdir(a.out))
    print(f"{written} files, {total / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
