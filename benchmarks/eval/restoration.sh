#!/usr/bin/env bash
# Measures diacritic restoration with ../shared/eval/restoration_eval.py: the accented text is stripped of its
# diacritics, given to `aligner restore` on stdin and the output scored against the original.
# Sets: baomoi articles whose id ends in 0 (never trained on; a dev set: the changes of issue 4 and of issue 14's fourth round were measured on it), the .vi side of
# NTREX dev (dev: settings are chosen on it) with every line stripped, and NTREX dev with every other line of each
# document left accented, each document restored on its own and only its stripped lines scored (the document cache's
# case, benchmarks/eval/restoration_context.py), and, as its reference, the same lines scored with every line stripped.
# Usage: bash benchmarks/eval/restoration.sh [WORK_DIR] [-- extra restore options, e.g. --model m.bin]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work}
shift || true
[ "${1:-}" = "--" ] && shift
eval=$shared/eval/restoration_eval.py
data=$shared/data
mkdir -p "$work/restoration"
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
cli="dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll"

baomoi=$work/restoration/baomoi-id0.vi
if [ ! -s "$baomoi" ]; then
  # Lines of the articles whose id ends in 0 (docs TSV: doc_id, first line, last line; 1-based, inclusive).
  python3 - "$data/vi-news-baomoi/baomoi.docs.tsv.gz" "$data/vi-news-baomoi/baomoi.vi.gz" "$baomoi" <<'PY'
import gzip, sys
keep = []
with gzip.open(sys.argv[1], 'rt', encoding='utf-8') as f:
    next(f)
    for row in f:
        doc, a, b = row.rstrip('\n').split('\t')[:3]
        if doc.endswith('0'):
            keep.append((int(a), int(b)))
keep.sort()
out = open(sys.argv[3], 'w', encoding='utf-8', newline='\n')
k = 0
with gzip.open(sys.argv[2], 'rt', encoding='utf-8', newline='\n') as f:
    for n, line in enumerate(f, 1):
        while k < len(keep) and keep[k][1] < n:
            k += 1
        if k == len(keep):
            break
        if keep[k][0] <= n:
            out.write(line if line.endswith('\n') else line + '\n')
PY
fi
ntrex=$data/ntrex128-en-vi/dev.vi

printf '| set | syllables | accuracy | on syllables that need marks | seconds |\n|---|---|---|---|---|\n'
for set in baomoi-id0 ntrex-dev; do
  gold=$baomoi; [ "$set" = ntrex-dev ] && gold=$ntrex
  start=$(date +%s.%N)
  out=$(python3 "$eval" run --gold "$gold" --cmd "$cli restore $*")
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$out" > "$work/restoration/$set.score.txt"
  printf '| %s | %s | %s | %s | %.1f |\n' "$set" \
    "$(echo "$out" | awk '/^tokens/ {print $2}')" \
    "$(echo "$out" | awk '/^accuracy/ {print $2}')" \
    "$(echo "$out" | awk '/^accuracy/ {print $4}')" "$secs"
done

# The half-accented case, then its reference: the same lines scored, every line stripped (what the accented lines add).
for set in ntrex-dev-half ntrex-dev-half-reference; do
  extra=; [ "$set" = ntrex-dev-half-reference ] && extra=--all-stripped
  start=$(date +%s.%N)
  out=$(python3 "$root/benchmarks/eval/restoration_context.py" --eval "$eval" --gold "$ntrex" $extra \
    --docs "$data/ntrex128-en-vi/dev.docs.tsv" --work "$work/restoration/$set" --cmd "$cli restore $*")
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  echo "$out" > "$work/restoration/$set.score.txt"
  printf '| %s | %s | %s | %s | %.1f |\n' "$set" \
    "$(echo "$out" | awk '/^tokens/ {print $2}')" \
    "$(echo "$out" | awk '/^accuracy/ {print $2}')" \
    "$(echo "$out" | awk '/^accuracy/ {print $4}')" "$secs"
done

# English stays English: the English sides of the dev sets must come back byte for byte.
printf '\n| English set | lines | lines changed | byte-identical |\n|---|---|---|---|\n'
for en in "$data/ntrex128-en-vi/dev.en" "$data/flores200-en-vi/dev.en"; do
  $cli restore $* "$en" > "$work/restoration/english.out"
  changed=$(diff "$en" "$work/restoration/english.out" | grep -c '^<' || true)
  same=no; cmp -s "$en" "$work/restoration/english.out" && same=yes
  printf '| %s | %s | %s | %s |\n' "${en#$data/}" "$(wc -l < "$en")" "$changed" "$same"
done
