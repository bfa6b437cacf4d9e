#!/usr/bin/env bash
# Runs this repository's detector and general-purpose language identifiers side by side on the same items
# (eval-work/lid/dev.tsv, made by benchmarks/eval/lid.sh from NTREX-128 dev and FLORES-200 dev) and prints a
# Markdown table: accuracy per category (%) and time per item (µs, one item at a time, after a warm-up).
# Peers are installed into a temporary folder that is deleted at the end (never committed):
#   npm:   franc (also with only: eng, vie), cld (CLD2, native build), cld3-asm, eld (large; also with the subset
#          en, vi), tinyld
#   NuGet: SearchPioneer.Lingua (all languages; also only English and Vietnamese), in a temporary console project
#          that also runs this repository's detector in the same way (in process, one item at a time).
# Usage: bash benchmarks/lid-peers/run.sh [WORK_DIR]   (needs node/npm, the .NET 10 SDK and ../shared)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-$root/eval-work}
items=$work/lid/dev.tsv
[ -f "$items" ] || bash "$root/benchmarks/eval/lid.sh" "$work" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$work/lid/peers.jsonl
: > "$out"

# npm peers. cld builds CLD2 with node-gyp; npm 11 runs install scripts only for approved packages.
(
  cd "$tmp" && mkdir npm && cd npm && npm init -y >/dev/null 2>&1
  npm install --no-audit --no-fund franc@6 cld3-asm@4 eld@2 tinyld@1 >npm.log 2>&1
  if npm install --no-audit --no-fund cld@2 >>npm.log 2>&1 && { npm install-scripts approve cld >>npm.log 2>&1 || true; } \
     && npm rebuild cld >>npm.log 2>&1 && node -e "require('cld')" >>npm.log 2>&1; then :; else
    echo '{"name":"cld (CLD2)","error":"install or native build failed, see npm.log"}' >>"$out"
    tail -5 npm.log >&2
  fi
  cp "$here/peers.mjs" .
  node peers.mjs "$items" | grep -v '"name":"cld (CLD2)","error"' >>"$out" || true
) || echo '{"name":"npm peers","error":"npm install failed"}' >>"$out"

# Lingua (.NET) and ours, in one temporary console project.
(
  cd "$tmp" && mkdir lingua && cd lingua
  dotnet new console -n LinguaPeers -o . >/dev/null
  dotnet add package SearchPioneer.Lingua >dotnet.log 2>&1
  dotnet add reference "$root/src/Aligner/Aligner.csproj" >>dotnet.log 2>&1
  cp "$here/LinguaPeers.cs" Program.cs
  dotnet build -c Release -v quiet -nologo >>dotnet.log 2>&1
  dotnet bin/Release/net10.0/LinguaPeers.dll "$items" >>"$out"
) || echo '{"name":"Lingua","error":"install or build failed"}' >>"$out"

python3 "$here/summarise.py" <"$out"
