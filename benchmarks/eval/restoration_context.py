#!/usr/bin/env python3
"""Diacritic restoration when the page teaches the restorer (the document cache's case).

Every other line of each document is stripped of its diacritics (the 1st, 3rd, 5th ... line: the headline is
stripped), the others are left accented. Each document is given to the restore command on its own (the document
is the context), and only the stripped lines are scored with ../shared/eval/restoration_eval.py score.

Usage: restoration_context.py --gold FILE --docs DOCS.tsv[.gz] --cmd "aligner restore" --work DIR [--max-docs N]
       [--doc-suffix 0] [--all-stripped] [--eval restoration_eval.py]
DOCS.tsv: a header, then doc_id, first line, last line (1-based, inclusive); --doc-suffix keeps ids ending in it.
--all-stripped strips the other lines too (the same lines scored, no accented text: the reference that shows
what the accented lines add).
Prints the scorer's output (tokens, accuracy) for the stripped lines.
"""
import argparse
import gzip
import os
import shlex
import subprocess
import sys


def read_lines(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8', newline='\n') as f:
        return [line.rstrip('\n') for line in f]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--gold', required=True)
    ap.add_argument('--docs', required=True)
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--max-docs', type=int, default=0)
    ap.add_argument('--doc-suffix', default='')
    ap.add_argument('--all-stripped', action='store_true')
    ap.add_argument('--eval', default=os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'eval', 'restoration_eval.py'))
    args = ap.parse_args()

    gold = read_lines(args.gold)
    docs = []
    opener = gzip.open if args.docs.endswith('.gz') else open
    with opener(args.docs, 'rt', encoding='utf-8') as f:
        next(f)
        for row in f:
            doc, a, b = row.rstrip('\n').split('\t')[:3]
            if doc.endswith(args.doc_suffix):
                docs.append((doc, int(a), int(b)))
    if args.max_docs:
        docs = docs[:args.max_docs]

    os.makedirs(args.work, exist_ok=True)
    lines = [gold[n - 1] for _, a, b in docs for n in range(a, b + 1)]
    stripped = subprocess.run([sys.executable, args.eval, 'strip'], input='\n'.join(lines) + '\n',
                              capture_output=True, text=True, encoding='utf-8', check=True).stdout.split('\n')

    gold_scored, pred_scored = [], []
    k = 0
    cmd = shlex.split(args.cmd)
    for _, a, b in docs:
        n = b - a + 1
        doc_gold = lines[k:k + n]
        doc_in = [stripped[k + i] if i % 2 == 0 or args.all_stripped else doc_gold[i] for i in range(n)]
        k += n
        out = subprocess.run(cmd, input='\n'.join(doc_in) + '\n', capture_output=True, text=True, encoding='utf-8', check=True).stdout
        out_lines = out.split('\n')[:n]
        if len(out_lines) != n:
            sys.exit(f'restoration_context.py: the command changed the line count ({len(out_lines)} for {n})')
        for i in range(0, n, 2):
            gold_scored.append(doc_gold[i])
            pred_scored.append(out_lines[i])

    gold_path = os.path.join(args.work, 'context.gold')
    pred_path = os.path.join(args.work, 'context.pred')
    for path, rows in ((gold_path, gold_scored), (pred_path, pred_scored)):
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write('\n'.join(rows) + '\n')
    print(subprocess.run([sys.executable, args.eval, 'score', '--gold', gold_path, '--pred', pred_path],
                         capture_output=True, text=True, encoding='utf-8', check=True).stdout, end='')


if __name__ == '__main__':
    main()
