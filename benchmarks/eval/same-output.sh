#!/usr/bin/env bash
# Checks that a change did not change any output: runs two builds of the CLI on the same inputs and compares their
# JSONL byte for byte (align on the NTREX `hard` and IWSLT dev2010 cases of alignment.sh and on the realnews-dev page
# pairs; match on the seeds and on realnews-dev). For refactors, where "every figure unchanged" should mean "same output".
# Usage: bash benchmarks/eval/same-output.sh OLD_CLI_DLL [NEW_CLI_DLL]   (run alignment.sh once first for the cases)
# OLD_CLI_DLL: e.g. a clone at the old commit, built: /tmp/old/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
old="dotnet ${1:?usage: same-output.sh OLD_CLI_DLL [NEW_CLI_DLL]}"
if [ -z "${2:-}" ]; then dotnet build "$root/src/Aligner.Cli" -c Release -v quiet -nologo >/dev/null; fi
new="dotnet ${2:-$root/src/Aligner.Cli/bin/Release/net10.0/Aligner.Cli.dll}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
compared=0; differing=0
check() { # name command...
  local name=$1; shift
  $old "$@" > "$work/old.jsonl" 2>/dev/null || true
  $new "$@" > "$work/new.jsonl" 2>/dev/null || true
  compared=$((compared + 1))
  cmp -s "$work/old.jsonl" "$work/new.jsonl" || { differing=$((differing + 1)); echo "differs: $name"; }
}
for set in ntrex-hard iwslt-dev2010-news; do
  for en in "$root/eval-work/$set"/*.en.txt; do
    [ -f "$en" ] || { echo "no cases in eval-work/$set: run benchmarks/eval/alignment.sh first" >&2; exit 1; }
    check "$set/$(basename "$en")" align "$en" "${en%.en.txt}.vi.txt"
  done
done
for en in "$shared/data/realnews-dev"/*_en.txt; do
  check "realnews-dev/$(basename "$en")" align "$en" "${en%_en.txt}_vi.txt"
done
check "match seeds" match "$root/seeds"
check "match realnews-dev" match "$shared/data/realnews-dev"
echo "compared $compared outputs, $differing differ"
[ "$differing" -eq 0 ]
