#!/usr/bin/env bash
# The scorer's retrieval test: for each English line, is its own translation the best-scoring of all the Vietnamese
# lines of the set? Prints top-1 and top-5 for
#   NTREX-128 dev (1,007 × 1,007) with the embedded lexicon and scorer, and with length and anchors only;
#   FLORES-200 dev (997 × 997) with the lexicon trained WITHOUT FLORES and the scorer fitted with it (the embedded
#   lexicon has seen FLORES), and with length and anchors only.
# Both are dev figures: NTREX dev is the alignment dev set, and FLORES dev is the scorer's training data (the lexicon
# settings, such as the 0.05 cut and the EM iterations, were chosen on this very test).
# Usage: bash benchmarks/eval/retrieval.sh [WORK_DIR]   (needs ../shared beside the repository)
# RETRIEVAL_SETS="ntrex" skips FLORES. The FLORES part first runs training/scorer-and-lexicon.sh into
# WORK_DIR/retrieval-models (a few minutes, once; the embedded models are not touched).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work}
data=$shared/data
sets=${RETRIEVAL_SETS:-ntrex flores}
mkdir -p "$work"
dotnet build "$root/benchmarks/Aligner.Benchmarks" -c Release -v quiet -nologo >/dev/null
bench=(dotnet "$root/benchmarks/Aligner.Benchmarks/bin/Release/net10.0/Aligner.Benchmarks.dll" retrieval)

if [[ " $sets " == *" ntrex "* ]]; then
  echo "NTREX-128 dev, embedded lexicon and scorer:"
  "${bench[@]}" "$data/ntrex128-en-vi/dev.en" "$data/ntrex128-en-vi/dev.vi"
  echo "NTREX-128 dev, length and anchors only:"
  "${bench[@]}" "$data/ntrex128-en-vi/dev.en" "$data/ntrex128-en-vi/dev.vi" --no-lexicon
fi
if [[ " $sets " == *" flores "* ]]; then
  models=$work/retrieval-models
  if [ ! -f "$models/held-out.bin" ]; then
    mkdir -p "$models"
    HELD_OUT="$models/held-out.bin" bash "$root/training/scorer-and-lexicon.sh" "$models" >/dev/null
  fi
  echo "FLORES-200 dev, FLORES-free lexicon and the scorer fitted with it:"
  "${bench[@]}" "$data/flores200-en-vi/dev.en" "$data/flores200-en-vi/dev.vi" --lexicon "$models/held-out.bin" --scorer "$models/scorer.json"
  echo "FLORES-200 dev, length and anchors only:"
  "${bench[@]}" "$data/flores200-en-vi/dev.en" "$data/flores200-en-vi/dev.vi" --scorer "$models/scorer.json" --no-lexicon
fi
