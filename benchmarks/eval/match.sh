#!/usr/bin/env bash
# Measures passage matching (`aligner match`, issue 6) on a many-file collection built from NTREX-128 dev and IWSLT'15
# dev2010 by benchmarks/eval/match/make_collection.py; scored by benchmarks/eval/match/score.py, which uses score()
# of ../shared/eval/alignment_eval.py per (English file, Vietnamese file) pair.
# Usage: bash benchmarks/eval/match.sh [WORK_DIR]   (needs ../shared beside the repository, or SHARED=...)
# MATCH_ARGS="..." passes options to the match run. MATCH_SELFTEST=1 skips the CLI and scores the oracle (F1 must be
# 1) and random predictions (F1 near 0) instead, to check the evaluation itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
export SHARED=$shared
work=${1:-$root/eval-work}
data=$shared/data
here=$root/benchmarks/eval/match
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
cli="dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll"

# Three collections (seeds 1-3 by default, MATCH_SEEDS="..." to choose): each seed cuts, shuffles and wraps the
# documents differently, so one lucky layout does not make the figure.
for seed in ${MATCH_SEEDS:-1 2 3}; do
  coll=$work/match-$seed
  mkdir -p "$coll"
  if [ ! -f "$coll/manifest.json" ]; then
    python3 "$here/make_collection.py" --seed "$seed" --out "$coll" \
      --en "$data/ntrex128-en-vi/dev.en" --vi "$data/ntrex128-en-vi/dev.vi" --docs "$data/ntrex128-en-vi/dev.docs.tsv" \
      --en2 "$data/iwslt15-ted-en-vi/dev2010.en" --vi2 "$data/iwslt15-ted-en-vi/dev2010.vi" \
      --docs2 "$data/iwslt15-ted-en-vi/dev2010.docs.tsv" >/dev/null
  fi

  echo "== collection seed $seed"
  if [ "${MATCH_SELFTEST:-}" = 1 ]; then
    for mode in oracle random; do
      python3 "$here/score.py" --collection "$coll" --$mode "$coll/$mode.jsonl" >/dev/null
      echo "-- $mode predictions"
      python3 "$here/score.py" --collection "$coll" --pred "$coll/$mode.jsonl"
    done
    continue
  fi

  pred=$coll/pred.jsonl
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  $cli match "$coll/files" --format jsonl ${MATCH_ARGS:-} > "$pred"
  end=$(date +%s.%N)
  echo "files $(ls "$coll/files" | wc -l), seconds $(echo "$end - $start" | bc)"
  python3 "$here/score.py" --collection "$coll" --pred "$pred"
done
