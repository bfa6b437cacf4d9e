#!/usr/bin/env bash
# Measures `align` and `match` on comparable news: English and Vietnamese pages of the same event by different
# outlets, with gold links by sentence text (../shared/data/realnews-dev, evaluation only: never trained on, never
# committed). Prints pairs_eval.py's precision, recall, F1 and calibration (ECE and a reliability table).
# The comparable scorer's calibration factor (ComparableCalibration in scorer.json) was chosen on these pages, so every
# figure printed here is a dev figure.
# Usage: bash benchmarks/eval/comparable.sh [-- extra align/match options, e.g. --lexicon L --scorer S]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
[ "${1:-}" = "--" ] && shift
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
cli="dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll"
python3 "$shared/eval/pairs_eval.py" run --gold "$shared/data/realnews-dev/gold.json" \
  --cmd "$cli align {en} {vi} $*" --match-cmd "$cli match {dir} $*" ${VERBOSE:+--verbose}
