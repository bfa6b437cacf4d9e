#!/usr/bin/env bash
# Speed of `aligner align` on long inputs: the IWSLT-shaped talk collection (make_iwslt_long.py), the seed story
# concatenated 200 times, and two unrelated texts of the same size (seeds ×200 English against NTREX-128 dev
# Vietnamese ×10). Prints wall time, CPU time and peak memory per run, and the F1 of the IWSLT run.
# Usage: bash benchmarks/long/long.sh [WORK_DIR]   (needs ../shared beside the repository and /usr/bin/time)
# CLI="dotnet path/Aligner.Cli.dll" times another build (the default builds this one).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work/long}
mkdir -p "$work"
if [ -z "${CLI:-}" ]; then dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null; fi
cli=${CLI:-dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll}

[ -f "$work/iwslt.en" ] || python3 "$root/benchmarks/long/make_iwslt_long.py" --data "$shared/data/iwslt15-ted-en-vi" --out "$work/iwslt" >/dev/null
if [ ! -f "$work/seeds200.en" ]; then
  for _ in $(seq 200); do cat "$root/seeds/000_06a9cf74ceb7c5dd.txt"; echo; done > "$work/seeds200.en"
  for _ in $(seq 200); do cat "$root/seeds/004_97cab69a675f2a31.txt"; echo; done > "$work/seeds200.vi"
fi
if [ ! -f "$work/unrelated.vi" ]; then
  for _ in $(seq 10); do cat "$shared/data/ntrex128-en-vi/dev.vi"; done > "$work/unrelated.vi"
fi

run() { # name en vi
  /usr/bin/time -f "$1: %e s wall, %U s user, %S s system, peak %M KB, load before $(cut -d' ' -f1 /proc/loadavg)" $cli align "$2" "$3" > "$work/$1.jsonl"
}
run iwslt "$work/iwslt.en" "$work/iwslt.vi"
python3 "$shared/eval/alignment_eval.py" score --gold "$work/iwslt.gold.json" --pred "$work/iwslt.jsonl"
run seeds200 "$work/seeds200.en" "$work/seeds200.vi"
run unrelated "$work/seeds200.en" "$work/unrelated.vi"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
