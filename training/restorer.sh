#!/usr/bin/env bash
# Trains the embedded diacritic-restoration model src/Aligner/Models/restorer.bin with the repository's trainer
# (aligner train-restorer), from the Vietnamese Wikipedia text of ../shared/data/vi-wiki ONLY: viwiki.vi.gz (about
# 2017, 12.96 M syllables) and viwik19-prose.vi.gz (2019 prose, 4.59 M syllables). The trainer's defaults: all trigrams
# kept (those seen twice only: -0.18 point on NTREX dev), up to 16 accented forms per bare key (12 left out real words
# such as dơi "bat" behind đội, đối, dõi ...: -0.16 point), a form kept when at least 0.0001 of its key's occurrences.
# Abbreviations in capitals whose marked form is the usual one (HĐND, ĐH, VĐV: seen at least 3 times, at least half of
# their spellings) are kept too, so that bare text gets them back (HDND -> HĐND), and so are lower-case words that are
# no syllable (ôtô, đắk: seen at least 5 times, with a mark that European spellings lack).
# The baomoi news corpus has no licence and is kept for evaluation: it must never go into a shipped model.
# Usage: bash training/restorer.sh [OUTPUT]   (needs ../shared beside the repository; single-threaded, ~2 GB RAM)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
corpora=("$shared/data/vi-wiki/viwiki.vi.gz" "$shared/data/vi-wiki/viwik19-prose.vi.gz")
out=${1:-$root/src/Aligner/Models/restorer.bin}
for corpus in "${corpora[@]}"; do
  [ -f "$corpus" ] || { echo "restorer.sh: $corpus not found" >&2; exit 1; }
done
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
DOTNET_gcServer=0 DOTNET_GCHeapAffinitizeMask=1 \
  dotnet "$root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll" train-restorer --corpus "${corpora[@]}" -o "$out" "${@:2}"
ls -l "$out"
