#!/usr/bin/env bash
# An optional, larger lexicon that adds the Free Vietnamese Dictionary Project (FVDP, GPL-2.0-or-later) to the
# embedded lexicon's data. GPL: it is never embedded or committed; load it with
#   aligner align EN VI --lexicon OUT/lexicon.bin --scorer OUT/scorer.json
# Usage: bash training/lexicon-with-fvdp.sh [OUT_DIR]   (default eval-work/fvdp; needs ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${SHARED:-$root/../shared}/data
out=${1:-$root/eval-work/fvdp}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# FVDP is Vietnamese → English; senses such as "(nghĩa bóng)" and bracketed notes are dropped.
tail -n +2 "$data/dict/fvdp-vi-en.tsv" | awk -F'\t' '{print $3 "\t" $1}' | sed -E 's/\([^)]*\)//g; s/\[[^]]*\]//g' \
  | awk -F'\t' 'length($1) > 0 && length($2) > 0' > "$tmp/fvdp.tsv"
cut -f1 "$tmp/fvdp.tsv" > "$tmp/fvdp.en"; cut -f2 "$tmp/fvdp.tsv" > "$tmp/fvdp.vi"
EXTRA="$tmp/fvdp.en $tmp/fvdp.vi" NAME_SUFFIX=", FVDP (GPL-2.0-or-later)" bash "$root/training/scorer-and-lexicon.sh" "$out"
