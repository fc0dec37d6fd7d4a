#!/usr/bin/env bash
# Times `iamlab eval --cases` against iam-simulate's fast path (runUnsafeSimulation) on the same case files, in the
# same run, on the same machine: wall time, CPU time and peak memory of each, with the load average before each run.
#
#   bench/iam-simulate/compare.sh [ROUNDS] [OTHER_IAMLAB_DLL]
#
# iam-simulate (AGPL) is installed from npm into a temporary folder, never into this repository. OTHER_IAMLAB_DLL, if
# given, is timed too (for example a build of an earlier commit, to compare step by step).
set -euo pipefail
rounds=${1:-1}
other=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$(mktemp -d)}
sim=$work/iam-simulate
if [ ! -d "$sim/node_modules/@cloud-copilot/iam-simulate" ]; then
  mkdir -p "$sim" && (cd "$sim" && npm init -y >/dev/null && npm install --silent @cloud-copilot/iam-simulate >/dev/null)
fi
dotnet build -c Release "$root/bench/IamLab.Benchmarks" -nologo -v q -o "$work/bench" >/dev/null
dotnet build -c Release "$root/src/IamLab.Cli" -nologo -v q -o "$work/cli" >/dev/null
[ -f "$work/cases.jsonl" ] || dotnet "$work/bench/IamLab.Benchmarks.dll" make-cases 100000 "$work/cases.jsonl"
[ -f "$work/distinct.jsonl" ] || dotnet "$work/bench/IamLab.Benchmarks.dll" make-distinct-cases 100000 "$work/distinct.jsonl"
measure() { # label command...
  local label=$1; shift
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "$label: %e s wall, %U+%S s CPU, %M KB peak" "$@" > "$work/out.jsonl"
}
for round in $(seq "$rounds"); do
  for file in cases distinct; do
    echo "== round $round, $file.jsonl"
    measure "iamlab eval --cases" dotnet "$work/cli/iamlab.dll" eval --cases "$work/$file.jsonl"
    [ -z "$other" ] || measure "other iamlab" dotnet "$other" eval --cases "$work/$file.jsonl"
    NODE_PATH=$sim/node_modules measure "iam-simulate runUnsafeSimulation" node "$root/bench/iam-simulate/driver.mjs" "$work/$file.jsonl"
  done
done
echo "files and builds in $work"
