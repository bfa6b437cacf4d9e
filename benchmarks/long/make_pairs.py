#!/usr/bin/env python3
"""Writes N NTREX-sized document pairs (one NTREX-128 dev document a side, cycling through the 62) and their list.

  python3 benchmarks/long/make_pairs.py --data ../shared/data/ntrex128-en-vi --n 1000 --out eval-work/pairs

writes OUT/en/K.txt, OUT/vi/K.txt and OUT/pairs.tsv (ENGLISH_PATH<TAB>VIETNAMESE_PATH, absolute paths), the input of
`aligner align --pairs`. Evaluation data: never commit the output.
"""
import argparse, os


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    with open(os.path.join(a.data, "dev.en"), encoding="utf-8") as f:
        en = f.read().split("\n")
    with open(os.path.join(a.data, "dev.vi"), encoding="utf-8") as f:
        vi = f.read().split("\n")
    docs = []
    with open(os.path.join(a.data, "dev.docs.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            _, start, end = line.rstrip("\n").split("\t")[:3]
            docs.append((int(start) - 1, int(end)))
    out = os.path.abspath(a.out)
    os.makedirs(os.path.join(out, "en"), exist_ok=True)
    os.makedirs(os.path.join(out, "vi"), exist_ok=True)
    with open(os.path.join(out, "pairs.tsv"), "w", encoding="utf-8") as listing:
        for k in range(a.n):
            start, end = docs[k % len(docs)]
            paths = []
            for side, lines in (("en", en), ("vi", vi)):
                path = os.path.join(out, side, f"{k:05d}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines[start:end]) + "\n")
                paths.append(path)
            listing.write("\t".join(paths) + "\n")
    print(f"{a.n} pairs in {out}/pairs.tsv")


if __name__ == "__main__":
    main()
