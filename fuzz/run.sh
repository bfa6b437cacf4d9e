#!/usr/bin/env bash
# Runs the SharpFuzz harnesses under afl-fuzz, one after the other (PARALLEL=1: all at once, each for the full time).
# Usage: [PARALLEL=1] bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (default 600 s; all targets)
# Needs afl-fuzz (Debian: apt-get install afl++) and the SharpFuzz tool (dotnet tool install -g SharpFuzz.CommandLine).
# Findings go to fuzz/out/TARGET/default/crashes; replay one with
#   dotnet fuzz/Aligner.Fuzz/bin/Release/net10.0/Aligner.Fuzz.dll TARGET fuzz/out/TARGET/default/crashes/id:...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(text html model segmenter normalizer restorer aligner)
export PATH="$PATH:$HOME/.dotnet/tools"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1

out=$root/fuzz/out
bin=$root/fuzz/Aligner.Fuzz/bin/Release/net10.0
dotnet build "$root/fuzz/Aligner.Fuzz" -c Release -v quiet -nologo >/dev/null
sharpfuzz "$bin/Aligner.dll" >/dev/null || true # instrument the library in place (coverage for afl)

run_target() {
  local target=$1 corpus=$out/corpus-$1
  mkdir -p "$corpus"
  # Seeds: small pieces of the repository's own texts and test pages, and one model file for the model harness.
  case $target in
    html) cp "$root"/tests/Aligner.Tests/Input/Pages/*.html "$corpus"/ ;;
    model) printf '\x00' > "$corpus/detector"; cat "$root/src/Aligner/Models/detector.bin" >> "$corpus/detector"
           printf '\x03' > "$corpus/scorer"; head -c 3000 "$root/src/Aligner/Models/scorer.json" >> "$corpus/scorer" ;;
    *) for seed in "$root"/seeds/*.txt; do head -c 2000 "$seed" > "$corpus/$(basename "$seed")"; done ;;
  esac
  timeout --preserve-status -s INT "$seconds" afl-fuzz -i "$corpus" -o "$out/$target" -t 10000 -m none -- dotnet "$bin/Aligner.Fuzz.dll" "$target" \
    > "$out/$target.log" 2>&1 || true
}

report() {
  local target=$1 stats=$out/$1/default/fuzzer_stats
  echo "--- $target: $seconds s"
  if [ -f "$stats" ]; then
    grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time) ' "$stats" | tr -s ' ' | tr '\n' ' '
    echo
  else
    tail -5 "$out/$target.log"
  fi
}

if [ -n "${PARALLEL:-}" ]; then
  export AFL_NO_AFFINITY=1 # more fuzzers than cores: afl-fuzz would refuse to start past one per core
  for target in "${targets[@]}"; do run_target "$target" & done
  wait
  for target in "${targets[@]}"; do report "$target"; done
else
  for target in "${targets[@]}"; do run_target "$target"; report "$target"; done
fi
