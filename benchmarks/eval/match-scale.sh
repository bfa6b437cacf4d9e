#!/usr/bin/env bash
# Times `aligner match` on 250, 500 and 1,000 files (about half per language) built from the LibreOffice help pages
# by benchmarks/eval/match/make_scale.py, to check the 60-second target and that the cost grows about linearly.
# Usage: bash benchmarks/eval/match-scale.sh [WORK_DIR]   (needs ../shared beside the repository, or SHARED=...)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work}
dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null
cli="dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll"
# SCALE_UNIQUE=1 leaves out the paragraphs the help repeats on many pages (see make_scale.py).
suffix=${SCALE_UNIQUE:+-unique}
printf '| files | MB | seconds | peak memory MB | pairs | passages |\n|---|---|---|---|---|---|\n'
for n in ${SCALE_FILES:-250 500 1000}; do
  dir=$work/match-scale$suffix-$n
  [ -d "$dir" ] || python3 "$root/benchmarks/eval/match/make_scale.py" --data "$shared/data" --out "$dir" --files "$n" ${SCALE_UNIQUE:+--unique} >/dev/null
  mb=$(du -sm "$dir" | cut -f1)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/match-scale.mem" $cli match "$dir" > "$work/match-scale.jsonl"
  end=$(date +%s.%N)
  pairs=$(wc -l < "$work/match-scale.jsonl")
  passages=$(python3 -c "import json,sys; print(len({json.loads(l)['passage'] for l in open(sys.argv[1])}))" "$work/match-scale.jsonl")
  printf '| %s | %s | %.1f | %d | %s | %s |\n' "$n" "$mb" "$(echo "$end - $start" | bc)" "$(( $(cat "$work/match-scale.mem") / 1024 ))" "$pairs" "$passages"
done
