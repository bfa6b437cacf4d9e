#!/usr/bin/env bash
# Time of `aligner align` on a tiny pair (the first 8 lines of NTREX-128 dev, one a line), where process start,
# JIT and model loading are most of the cost. Runs it RUNS times (default 5) and prints wall, user CPU and peak memory.
# Usage: bash benchmarks/long/tiny.sh [WORK_DIR]   (needs ../shared beside the repository and /usr/bin/time)
# CLI="dotnet path/Aligner.Cli.dll" times another build (the default builds this one).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
work=${1:-$root/eval-work/long}
mkdir -p "$work"
if [ -z "${CLI:-}" ]; then dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null; fi
cli=${CLI:-dotnet $root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll}
head -n 8 "$shared/data/ntrex128-en-vi/dev.en" > "$work/tiny.en"
head -n 8 "$shared/data/ntrex128-en-vi/dev.vi" > "$work/tiny.vi"
for run in $(seq "${RUNS:-5}"); do
  /usr/bin/time -f "tiny $run: %e s wall, %U s user, %S s system, peak %M KB, load before $(cut -d' ' -f1 /proc/loadavg)" $cli align "$work/tiny.en" "$work/tiny.vi" > "$work/tiny.jsonl"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
