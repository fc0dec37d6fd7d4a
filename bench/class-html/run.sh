#!/usr/bin/env bash
# For each SCENARIO:COUNT, grades a class of COUNT copies of the scenario's solution with --format html, with the CLI
# built from BEFORE (a commit) and from the working tree, the two alternating ROUNDS times, each run's wall time and
# CPU time (user + system, from /usr/bin/time) recorded; checks that both write the same learners' pages and class
# page, byte for byte.
#   bench/class-html/run.sh BEFORE [SCENARIO:COUNT,...] [ROUNDS]
# e.g. bench/class-html/run.sh 3f87d29 cross-account-external-id:1000,saml-federation:100 5
# Prints one line per run and, per scenario, the medians and their ratios; docs/performance.md records the figures with
# the machine's load (CPU time is the steadier figure on a shared machine).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
before=${1:?give the commit to compare with}
classes=${2:-cross-account-external-id:1000}
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/before"
git -C "$root" archive "$before" | tar -x -C "$work/before"
for tree in "$work/before" "$root"; do
  dotnet build "$tree/src/IamLab.Cli" -c Release -nologo -v q > "$work/build.log" || { cat "$work/build.log"; exit 1; }
done

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
run() { # $1: scenario, $2: before or after, $3: the tree, $4: round
  local out="$work/out/$1/$2-$4" wall cpu
  /usr/bin/time -f "%e %U %S" -o "$work/time" dotnet "$3/src/IamLab.Cli/bin/Release/net10.0/iamlab.dll" grade "$1" --submissions "$work/class/$1" \
    --format html --output "$out" --scenarios "$root/scenarios" --timeout 60 > "$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
  read -r wall user sys < "$work/time"
  cpu=$(echo "$user + $sys" | bc)
  echo "$1 $2 round $4: $count submissions in $wall s, CPU $cpu s"
  echo "$wall" >> "$work/$1-$2.wall"
  echo "$cpu" >> "$work/$1-$2.cpu"
}

echo "uptime before: $(uptime)"
for class in ${classes//,/ }; do
  scenario=${class%%:*}
  count=${class#*:}
  for i in $(seq -f "%05g" 1 "$count"); do
    mkdir -p "$work/class/$scenario/learner-$i"
    cp -r "$root/scenarios/$scenario/solution/." "$work/class/$scenario/learner-$i/"
  done
  for r in $(seq 1 "$rounds"); do
    run "$scenario" before "$work/before" "$r"
    run "$scenario" after "$root" "$r"
  done
  out="$work/out/$scenario"
  diff -r "$out/before-1/learners" "$out/after-1/learners" > /dev/null || { echo "$scenario: the learners' pages differ between $before and the working tree"; exit 1; }
  cmp -s "$out/before-1/gradebook.html" "$out/after-1/gradebook.html" || { echo "$scenario: gradebook.html differs between $before and the working tree"; exit 1; }
  grep -q 'class="iamlab-access-graph"' "$out/after-1/learners/learner-00001.html" || { echo "$scenario: a learner's page has no access graph"; exit 1; }
  for what in wall cpu; do
    b=$(median "$work/$scenario-before.$what"); a=$(median "$work/$scenario-after.$what")
    echo "$scenario ($count submissions): median $what before $b s, after $a s; after / before $(echo "scale=3; $a / $b" | bc)"
  done
  echo "$scenario: every learner's page and gradebook.html are byte for byte the same"
  rm -rf "$work/class/$scenario" "$out"
done
echo "uptime after: $(uptime)"
