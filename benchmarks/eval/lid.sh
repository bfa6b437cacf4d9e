#!/usr/bin/env bash
# Measures language identification with ../shared/eval/lid_eval.py on items built from the dev data:
# NTREX-128 dev and FLORES-200 dev (every line of both, English and Vietnamese, the Vietnamese also without
# diacritics, each also as a 2–5-word excerpt) plus English dev sentences whose names were replaced by
# Vietnamese names (lid_names.py). The detector model is never trained on these sets (see training/detector.sh), but
# its rules were kept or dropped by their accuracy here: every figure printed is a dev figure.
# Usage: bash benchmarks/eval/lid.sh [WORK_DIR]   (needs ../shared beside the repository)
# Writes WORK_DIR/lid/dev.tsv (label, category, text), which benchmarks/lid-peers/run.sh reuses.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work}/lid
eval=$shared/eval/lid_eval.py
data=$shared/data
mkdir -p "$work"
if [ ! -f "$work/dev.tsv" ]; then
  python3 "$eval" make --en "$data/ntrex128-en-vi/dev.en" --vi "$data/ntrex128-en-vi/dev.vi" --n 2000 --seed 1 --out "$work/ntrex.tsv" >/dev/null
  python3 "$eval" make --en "$data/flores200-en-vi/dev.en" --vi "$data/flores200-en-vi/dev.vi" --n 2000 --seed 1 --out "$work/flores.tsv" >/dev/null
  python3 "$root/benchmarks/eval/lid_names.py" "$data/ntrex128-en-vi/dev.en" "$data/flores200-en-vi/dev.en" --n 1000 --seed 1 > "$work/names.tsv"
  cat "$work/ntrex.tsv" "$work/flores.tsv" "$work/names.tsv" > "$work/dev.tsv"
fi
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
cli="dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll"
python3 "$eval" run --data "$work/dev.tsv" --cmd "$cli detect --unit line {file}"

# A second check on other text: IWSLT'15 TED talks tst2010 (evaluation only; never trained on, but a dev set: it was
# weighed when the detector's word-pair feature was dropped, see CHANGELOG.md).
if [ ! -f "$work/iwslt-tst2010.tsv" ]; then
  python3 "$eval" make --en "$data/iwslt15-ted-en-vi/tst2010.en" --vi "$data/iwslt15-ted-en-vi/tst2010.vi" --n 2000 --seed 1 --out "$work/iwslt-tst2010.tsv" >/dev/null
fi
echo "--- IWSLT'15 tst2010 (TED talks)"
python3 "$eval" run --data "$work/iwslt-tst2010.tsv" --cmd "$cli detect --unit line {file}"
