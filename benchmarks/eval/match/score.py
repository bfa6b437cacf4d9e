#!/usr/bin/env python3
"""Scores one `aligner match --format jsonl` run over a collection made by make_collection.py (standard library only).

Why: `match` pairs passages across many files, so its output mixes many (English file, Vietnamese file) pairs.
Predictions are grouped by (basename of en.file, basename of vi.file); each group is scored with score() of
../shared/eval/alignment_eval.py (imported, not copied; shared folder = $SHARED or ../shared beside the repository)
against that pair's gold. A group with no gold file is scored against an empty gold, so each of its predictions
counts as one wrong pair. Totals are micro-averaged (sum of correct, predicted, found, sure over all pairs).

Usage:
  score.py --collection DIR --pred PRED.jsonl          print precision, recall, F1 and a per-kind breakdown
  score.py --collection DIR --oracle OUT.jsonl         write the perfect predictions (sure links) to check F1 = 1
  score.py --collection DIR --random OUT.jsonl [--seed N]   write random predictions (a low-F1 check)
"""
import argparse, importlib.util, json, os, random, sys
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def load_alignment_eval():
    shared = os.environ.get("SHARED") or os.path.join(ROOT, "..", "shared")
    path = os.path.join(shared, "eval", "alignment_eval.py")
    if not os.path.exists(path):
        sys.exit(f"not found: {path} (set SHARED to the shared folder)")
    spec = importlib.util.spec_from_file_location("alignment_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_collection(d):
    with open(os.path.join(d, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    golds = {}
    for g in manifest["gold"]:
        with open(os.path.join(d, "gold", g["gold"]), encoding="utf-8") as f:
            golds[(g["en_file"], g["vi_file"])] = (g["kind"], json.load(f))
    return manifest, golds


def text_of(d, name, cache={}):
    if name not in cache:
        with open(os.path.join(d, "files", name), encoding="utf-8") as f:
            cache[name] = f.read().encode("utf-16-le")
    return cache[name]


def side(d, name, span):
    u = text_of(d, name)
    return {"file": os.path.join(d, "files", name), "start": span[0], "end": span[1],
            "text": u[2 * span[0]:2 * span[1]].decode("utf-16-le")}


def write_oracle(d, golds, out):
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for (en_file, vi_file), (_, g) in sorted(golds.items()):
            for link in g["links"]:
                if link["kind"] != "sure":
                    continue
                e = [g["en_spans"][i] for i in link["en"]]; v = [g["vi_spans"][j] for j in link["vi"]]
                n += 1
                f.write(json.dumps({"type": f"{len(e)}-{len(v)}", "passage": n, "score": 1.0,
                                    "en": side(d, en_file, [e[0][0], e[-1][1]]),
                                    "vi": side(d, vi_file, [v[0][0], v[-1][1]])}, ensure_ascii=False) + "\n")
    print(f"{n} oracle predictions in {out}")


def write_random(d, manifest, golds, out, seed):
    """As many predictions per gold pair as it has sure links, each a random EN sentence with a random VI sentence
    of that pair, plus the same number again between random files (mostly pairs with no gold)."""
    rng = random.Random(seed)
    names = sorted(manifest["files"])
    preds = []
    for (en_file, vi_file), (_, g) in sorted(golds.items()):
        for _ in range(sum(1 for l in g["links"] if l["kind"] == "sure")):
            preds.append((en_file, rng.choice(g["en_spans"]), vi_file, rng.choice(g["vi_spans"])))
    for _ in range(len(preds)):
        a, b = rng.choice(names), rng.choice(names)
        la, lb = len(text_of(d, a)) // 2, len(text_of(d, b)) // 2
        s, t = rng.randrange(la - 50), rng.randrange(lb - 50)
        preds.append((a, [s, s + 50], b, [t, t + 50]))
    with open(out, "w", encoding="utf-8") as f:
        for n, (a, s, b, t) in enumerate(preds, 1):
            f.write(json.dumps({"type": "1-1", "passage": n, "score": rng.random(), "en": side(d, a, s),
                                "vi": side(d, b, t)}, ensure_ascii=False) + "\n")
    print(f"{len(preds)} random predictions in {out}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--collection", required=True)
    ap.add_argument("--pred", help="JSON Lines output of `aligner match --format jsonl`")
    ap.add_argument("--oracle", metavar="OUT", help="write perfect predictions to OUT and stop")
    ap.add_argument("--random", metavar="OUT", help="write random predictions to OUT and stop")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verbose", action="store_true", help="one line per file pair")
    a = ap.parse_args()
    d = a.collection
    manifest, golds = load_collection(d)
    if a.oracle:
        return write_oracle(d, golds, a.oracle)
    if a.random:
        return write_random(d, manifest, golds, a.random, a.seed)
    if not a.pred:
        sys.exit("give --pred, --oracle or --random")

    ae = load_alignment_eval()
    with open(a.pred, "rb") as f:
        preds = ae.read_jsonl(f.read().decode("utf-8-sig"))
    groups, skipped = defaultdict(list), 0
    for p in preds:
        e, v = p.get("en"), p.get("vi")
        if not e or not v:
            skipped += 1          # one-sided (unmatched) passages are not scored, as in alignment_eval
            continue
        groups[(os.path.basename(e.get("file", "")), os.path.basename(v.get("file", "")))].append(p)

    files = manifest["files"]
    empty = {"en_spans": [], "vi_spans": [], "links": []}
    rows = {}   # kind -> [pairs, predicted file pairs, correct, predicted, found, sure]
    pair_level = [0, 0, 0, 0]   # gold pairs with sure links, of them with a found link, predicted pairs, with a correct pair
    for key in sorted(set(golds) | set(groups)):
        ps = groups.get(key, [])
        if key in golds:
            kind, gold = golds[key]
        else:
            gold = empty
            known = [files.get(n) for n in key]
            if None in known:
                kind = "unknown file"
            elif any(k["kind"] == "single" for k in known):
                kind = "no-partner FP"
            else:
                kind = "wrong-pair FP"
        c, p, fnd, s = ae.score(gold, ps)
        r = rows.setdefault(kind, [0, 0, 0, 0, 0, 0])
        for i, x in enumerate((1, 1 if ps else 0, c, p, fnd, s)):
            r[i] += x
        if s:
            pair_level[0] += 1; pair_level[1] += fnd > 0
        if ps:
            pair_level[2] += 1; pair_level[3] += c > 0
        if a.verbose and (ps or s):
            P, R, F = ae.prf(c, p, fnd, s)
            print(f"{key[0]} {key[1]} {kind}: correct {c} predicted {p} found {fnd} sure {s}  P {P:.3f} R {R:.3f} F {F:.3f}")

    tot = [sum(r[i] for r in rows.values()) for i in range(2, 6)]
    P, R, F = ae.prf(*tot)
    print(f"predictions {len(preds)} (one-sided, not scored: {skipped}); predicted file pairs {len(groups)}; "
          f"gold file pairs {len(golds)}")
    print(f"file pairs: {pair_level[1]} of {pair_level[0]} gold pairs with sure links have a found link; "
          f"{pair_level[3]} of {pair_level[2]} predicted pairs have a correct link")
    print(f"correct {tot[0]} predicted {tot[1]} found {tot[2]} sure {tot[3]}")
    print(f"precision {P:.4f} recall {R:.4f} f1 {F:.4f}")
    print()
    print("| kind | file pairs | with predictions | correct | predicted | found | sure | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    order = ["pair", "bilingual", "possible-only", "wrong-pair FP", "no-partner FP", "unknown file"]
    for kind in sorted(rows, key=lambda k: order.index(k) if k in order else len(order)):
        n, withp, c, p, fnd, s = rows[kind]
        P, R, F = ae.prf(c, p, fnd, s)
        fmt = lambda x, ok: f"{x:.4f}" if ok else "–"
        print(f"| {kind} | {n} | {withp} | {c} | {p} | {fnd} | {s} | {fmt(P, p)} | {fmt(R, s)} | {fmt(F, p and s)} |")


if __name__ == "__main__":
    main()
