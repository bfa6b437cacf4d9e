#!/usr/bin/env python3
"""Builds one long IWSLT-shaped document pair for speed runs (standard library only; never commit the output).

All talks of the given IWSLT'15 splits, one after another, twice over; one sentence a line. Per side: 4 % of the
lines deleted, 4 % foreign lines inserted (a line of the same language from elsewhere in the collection, so it has
no partner nearby), 6 % two-into-one merges (two consecutive lines joined by a space on one side only).

  python3 benchmarks/long/make_iwslt_long.py --data ../shared/data/iwslt15-ted-en-vi --out eval-work/long/iwslt

writes OUT.en, OUT.vi and OUT.gold.json (the gold format of ../shared/eval/alignment_eval.py, so
`alignment_eval.py score --gold OUT.gold.json --pred PRED.jsonl` gives precision, recall and F1).
"""
import argparse, json, os, random


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def u16len(s):
    return len(s.encode("utf-16-le")) // 2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="the iwslt15-ted-en-vi folder")
    ap.add_argument("--splits", default="dev2010,tst2010,tst2011")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--delete", type=float, default=0.04)
    ap.add_argument("--insert", type=float, default=0.04)
    ap.add_argument("--merge", type=float, default=0.06)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output prefix")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    en, vi = [], []
    for split in a.splits.split(","):
        e = read_lines(os.path.join(a.data, split + ".en"))
        v = read_lines(os.path.join(a.data, split + ".vi"))
        assert len(e) == len(v), split
        en += e
        vi += v
    pairs = [(e, v) for e, v in zip(en, vi) if e.strip() and v.strip()] * a.repeat

    # Each side: a list of (text, [pair indices]) units; a foreign insertion has no pair index.
    def side(k):
        units = []
        pool = [p[k] for p in pairs]
        for idx, p in enumerate(pairs):
            if rng.random() < a.delete:
                continue
            units.append((p[k], [idx]))
            if rng.random() < a.insert:
                units.append((pool[rng.randrange(len(pool))], []))
        merged = []
        i = 0
        while i < len(units):
            if i + 1 < len(units) and units[i][1] and units[i + 1][1] and rng.random() < a.merge:
                merged.append((units[i][0] + " " + units[i + 1][0], units[i][1] + units[i + 1][1]))
                i += 2
            else:
                merged.append(units[i])
                i += 1
        return merged

    en_units, vi_units = side(0), side(1)

    def write(units, path):
        spans, pos = [], 0
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for text, _ in units:
                f.write(text + "\n")
                n = u16len(text)
                spans.append([pos, pos + n])
                pos += n + 1
        return spans

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    en_spans = write(en_units, a.out + ".en")
    vi_spans = write(vi_units, a.out + ".vi")

    # Gold: group the units of both sides that share pair indices (a merge on one side joins two pairs).
    en_of, vi_of = {}, {}
    for i, (_, ids) in enumerate(en_units):
        for p in ids:
            en_of[p] = i
    for j, (_, ids) in enumerate(vi_units):
        for p in ids:
            vi_of[p] = j
    links = {}
    for p in range(len(pairs)):
        if p in en_of and p in vi_of:
            key = (en_of[p], vi_of[p])
            links[key] = True
    gold_links = []
    # Union-find over units joined by links, so a 1-2 or 2-1 unit is one link.
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j) in links:
        parent[find(("en", i))] = find(("vi", j))
    comps = {}
    for (i, j) in links:
        c = comps.setdefault(find(("en", i)), (set(), set()))
        c[0].add(i)
        c[1].add(j)
    for es, vs in sorted(comps.values(), key=lambda c: (min(c[0]), min(c[1]))):
        gold_links.append({"en": sorted(es), "vi": sorted(vs), "kind": "sure"})
    gold = {"en_file": a.out + ".en", "vi_file": a.out + ".vi", "en_spans": en_spans, "vi_spans": vi_spans, "links": gold_links}
    with open(a.out + ".gold.json", "w", encoding="utf-8") as f:
        json.dump(gold, f)
    print(f"{len(en_units)} English lines, {len(vi_units)} Vietnamese lines, {len(gold_links)} links")


if __name__ == "__main__":
    main()
