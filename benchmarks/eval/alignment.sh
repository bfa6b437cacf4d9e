#!/usr/bin/env bash
# Measures alignment quality with ../shared/eval/alignment_eval.py on test cases built from the dev data.
# Usage: bash benchmarks/eval/alignment.sh [WORK_DIR]   (needs ../shared beside the repository)
# ALIGN_ARGS="--lexicon L --scorer S" passes options to every align run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work}
eval=$shared/eval/alignment_eval.py
data=$shared/data
mkdir -p "$work"
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
cli="dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll"

make_cases() { # name en vi docs noise
  [ -f "$work/$1/cases.txt" ] || python3 "$eval" make --en "$2" --vi "$3" --docs "$4" --out "$work/$1" --noise "$5" --seed 1 >/dev/null
}
for noise in clean news hard; do
  make_cases "ntrex-$noise" "$data/ntrex128-en-vi/dev.en" "$data/ntrex128-en-vi/dev.vi" "$data/ntrex128-en-vi/dev.docs.tsv" "$noise"
done
for split in dev2010 tst2010 tst2011; do
  make_cases "iwslt-$split-news" "$data/iwslt15-ted-en-vi/$split.en" "$data/iwslt15-ted-en-vi/$split.vi" "$data/iwslt15-ted-en-vi/$split.docs.tsv" news
done

printf '| set | cases | precision | recall | F1 | seconds |\n|---|---|---|---|---|---|\n'
for set in ntrex-clean ntrex-news ntrex-hard iwslt-dev2010-news iwslt-tst2010-news iwslt-tst2011-news; do
  out=$(python3 "$eval" run --cases "$work/$set" --cmd "$cli align {en} {vi}${ALIGN_ARGS:+ $ALIGN_ARGS}")
  cases=$(echo "$out" | awk '/^cases/ {print $2}')
  secs=$(echo "$out" | awk '/^cases/ {print $6}')
  read -r p r f < <(echo "$out" | awk '/^precision/ {print $2, $4, $6}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$set" "$cases" "$p" "$r" "$f" "$secs"
done
