#!/usr/bin/env bash
# Retrains the embedded language detector model, src/Aligner/Models/detector.bin, from ../shared/data.
# Only data whose licence allows shipping derived statistics is used (see NOTICE.md):
#   English:    LibreOffice help (MPL-2.0), Tatoeba (CC-BY 2.0 FR), LibreOffice UI strings (MPL-2.0),
#               English Wiktionary glosses and headwords (CC-BY-SA 3.0)
#   Vietnamese: Vietnamese Wikipedia (CC-BY-SA 3.0, every 3rd line), the same LibreOffice help, Tatoeba and UI strings
# Never NTREX or FLORES (the evaluation sets), IWSLT (evaluation only) or baomoi (no licence).
# Usage: training/detector.sh [DATA_DIR] [OUTPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
out="${2:-src/Aligner/Models/detector.bin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

zcat "$data/libreoffice-help-en-vi/lohelp.en.gz" > "$work/en.txt"
zcat "$data/libreoffice-help-en-vi/lohelp.vi.gz" > "$work/vi.txt"
sort -u "$data/tatoeba-en-vi/tatoeba.en" >> "$work/en.txt"
# English Wiktionary glosses and headwords (CC-BY-SA 3.0): a wider everyday vocabulary.
tail -n +2 "$data/dict/wiktionary-en-vi.tsv" | cut -f3 | sort -u >> "$work/en.txt"
tail -n +2 "$data/dict/wiktionary-en-vi.tsv" | cut -f1 | sort -u >> "$work/en.txt"
sort -u "$data/tatoeba-en-vi/tatoeba.vi" >> "$work/vi.txt"
# LibreOffice UI strings only (MPL-2.0), without accelerator marks and format specifiers.
zcat "$data/software-l10n-en-vi/l10n.tsv.gz" | awk -F'\t' '$1 == "libreoffice-l10n-vi"' > "$work/l10n.tsv"
clean() { sed -E 's/%[0-9]*\$?[sdu]|%[A-Za-z0-9_]+%|\$\([A-Za-z0-9_]+\)|[~_&]//g'; }
cut -f3 "$work/l10n.tsv" | clean >> "$work/en.txt"
cut -f4 "$work/l10n.tsv" | clean >> "$work/vi.txt"
zcat "$data/vi-wiki/viwiki.vi.gz" | awk 'NR % 3 == 0' >> "$work/vi.txt"

dotnet run --project src/Aligner.Cli -c Release -- train-detector \
  --english "$work/en.txt" --vietnamese "$work/vi.txt" \
  --name "LibreOffice help + UI, Tatoeba (en, vi); English Wiktionary glosses; Vietnamese Wikipedia (every 3rd line)" \
  --output "$out"
ls -l "$out"
