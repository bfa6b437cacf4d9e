#!/usr/bin/env bash
# Trains the embedded diacritic-restoration model src/Aligner/Models/restorer.bin with the repository's trainer
# (aligner train-restorer), from the Vietnamese Wikipedia text of ../shared/data/vi-wiki ONLY.
# The baomoi news corpus has no licence and is kept for evaluation: it must never go into a shipped model.
# Usage: bash training/restorer.sh [OUTPUT]   (needs ../shared beside the repository; single-threaded, ~2 GB RAM)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
corpus=$shared/data/vi-wiki/viwiki.vi.gz
out=${1:-$root/src/Aligner/Models/restorer.bin}
[ -f "$corpus" ] || { echo "restorer.sh: $corpus not found" >&2; exit 1; }
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
DOTNET_gcServer=0 DOTNET_GCHeapAffinitizeMask=1 \
  dotnet "$root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll" train-restorer --corpus "$corpus" -o "$out" "${@:2}"
ls -l "$out"
