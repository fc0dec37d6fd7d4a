#!/usr/bin/env bash
# Grades COUNT submissions spread over every scenario (default 10,000) in SHARES shares (default 4), the shares run one
# after the other and each timed, then merges them; and grades the same class unsharded, for the ratio.
#   bench/sharded-grading/run.sh [COUNT] [SHARES]
# Prints one line per run and a summary; docs/performance.md records the figures with the machine's load.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-10000}
shares=${2:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/IamLab.Cli" -c Release -nologo -v q > "$work/build.log" || { cat "$work/build.log"; exit 1; }
iamlab=(dotnet "$root/src/IamLab.Cli/bin/Release/net10.0/iamlab.dll")
python3 "$(dirname "$0")/make-class.py" "$root" "$work/class" "$count"
ids=$(ls "$work/class")

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
grade_all() { # $1: output folder suffix, $@: extra arguments
  local suffix=$1; shift
  for id in $ids; do
    "${iamlab[@]}" grade "$id" --submissions "$work/class/$id" --output "$work/out/$id/$suffix" --timeout 60 "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
  done
}

echo "uptime before: $(uptime)"
start=$(now); grade_all whole; whole=$(elapsed "$start" "$(now)")
echo "unsharded: $count submissions in $whole s"

largest=0
for i in $(seq 1 "$shares"); do
  start=$(now); grade_all "part-$i" --shard "$i/$shares"; took=$(elapsed "$start" "$(now)")
  graded=$(cat "$work"/out/*/"part-$i"/gradebook.csv | grep -vc '^submission,')
  echo "share $i/$shares: $graded submissions in $took s"
  if (( $(echo "$took > $largest" | bc) )); then largest=$took; fi
done

start=$(now)
for id in $ids; do
  parts=()
  for i in $(seq 1 "$shares"); do parts+=("$work/out/$id/part-$i"); done
  "${iamlab[@]}" gradebook merge "${parts[@]}" --output "$work/out/$id/merged" > /dev/null
done
merge=$(elapsed "$start" "$(now)")
for id in $ids; do
  cmp -s "$work/out/$id/whole/gradebook.csv" "$work/out/$id/merged/gradebook.csv" || { echo "merged gradebook of $id differs from the unsharded one"; exit 1; }
done
echo "merge of the $shares shares: $merge s (every merged gradebook.csv equals the unsharded one)"
echo "largest share / unsharded: $(echo "scale=3; $largest / $whole" | bc); (largest share + merge) / unsharded: $(echo "scale=3; ($largest + $merge) / $whole" | bc)"
echo "uptime after: $(uptime)"
