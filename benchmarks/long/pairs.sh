#!/usr/bin/env bash
# Times `aligner align --pairs` over N NTREX-sized document pairs against N separate `aligner align` runs.
# Usage: bash benchmarks/long/pairs.sh [N] [WORK_DIR]   (needs ../shared beside the repository)
# CLI="dotnet path/Aligner.Cli.dll" runs another build (the default builds this one).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
n=${1:-1000}
work=${2:-$root/eval-work/pairs-$n}
if [ -z "${CLI:-}" ]; then dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null; fi
cli=${CLI:-dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll}
[ -f "$work/pairs.tsv" ] || python3 "$root/benchmarks/long/make_pairs.py" --data "$shared/data/ntrex128-en-vi" --n "$n" --out "$work" >/dev/null

start=$(date +%s.%N)
$cli align --pairs "$work/pairs.tsv" > "$work/pairs.jsonl"
mid=$(date +%s.%N)
while IFS=$'\t' read -r en vi; do $cli align "$en" "$vi"; done < "$work/pairs.tsv" > "$work/separate.jsonl"
end=$(date +%s.%N)

# The same beads either way (the separate runs' lines lack the pair and file fields).
python3 - "$work/pairs.jsonl" "$work/separate.jsonl" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
for x in a:
    for k in ("pair", "en_file", "vi_file"):
        del x[k]
print("same beads" if a == b else f"DIFFERENT beads ({len(a)} vs {len(b)} lines)")
PY
awk -v n="$n" -v s="$start" -v m="$mid" -v e="$end" 'BEGIN {
  printf "--pairs: %d pairs in %.1f s (%.1f ms a pair)\n", n, m - s, 1000 * (m - s) / n;
  printf "separate runs: %d pairs in %.1f s (%.1f ms a pair)\n", n, e - m, 1000 * (e - m) / n;
  printf "speed-up: %.1fx\n", (e - m) / (m - s) }'
