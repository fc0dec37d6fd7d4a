#!/usr/bin/env bash
# The GitHub Action's grading step (action.yml): runs `iamlab grade`, writes the step's outputs to $GITHUB_OUTPUT and a
# summary to $GITHUB_STEP_SUMMARY. The tests run it with both pointed at temporary files.
#
# Every input arrives in an environment variable (action.yml maps inputs.X to INPUT_X in `env:`); none is ever
# interpolated into a script, and each reaches iamlab as one argument, so a value holding `;`, `$(...)` or a newline is
# only ever a (wrong) argument (GitHub's security hardening guide: "Using an intermediate environment variable").
# Outputs are written in GitHub's NAME<<DELIMITER form (outputs.sh).
#
#   IAMLAB             the iamlab command (the install step's output)
#   INPUT_SCENARIO     the scenario id (required)
#   INPUT_SUBMISSION   one learner's folder; or
#   INPUT_SUBMISSIONS  a class folder, one sub-folder per learner (a gradebook is written)
#   INPUT_HIDDEN       a folder of hidden checks (optional)
#   INPUT_FORMAT       text, json, junit, markdown or html (default junit)
#   INPUT_SHARD        with INPUT_SUBMISSIONS: i/n, the share of the class to grade (optional)
#   INPUT_OUTPUT       where reports go (default iamlab-results): the report file is OUTPUT/report.EXT for one learner,
#                      the gradebook is OUTPUT/ for a class
#   INPUT_SCENARIOS    a scenarios folder of the teacher's (optional; default the tool's own)
#   INPUT_HINT_LEVEL   the hint level shown (default 1; a level counts no attempts, so CI keeps no state)
#   INPUT_FAIL_ON_FAILED_CHECKS  true (default): the step fails when a check fails; false: only when grading could not be done
#
# Outputs: score (one learner: the points earned; a class: the mean points), max-score, passed (true/false; a class:
# every learner passed), report (the report file, or the gradebook folder), status (iamlab's exit status: 0 all checks
# pass, 1 some fail, 2 the submission or the inputs cannot be read, 3 a bug in the grader).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=outputs.sh
. "$here/outputs.sh"

fail() {
  echo "::error title=iamlab::$1"
  exit 2
}

iamlab=${IAMLAB:-iamlab}
scenario=${INPUT_SCENARIO:-}
submission=${INPUT_SUBMISSION:-}
submissions=${INPUT_SUBMISSIONS:-}
format=${INPUT_FORMAT:-junit}
output=${INPUT_OUTPUT:-iamlab-results}
hint_level=${INPUT_HINT_LEVEL:-1}
fail_on_failed=${INPUT_FAIL_ON_FAILED_CHECKS:-true}

[ -n "$scenario" ] || fail "the input 'scenario' is required."
if [ -n "$submission" ] && [ -n "$submissions" ]; then fail "give either 'submission' or 'submissions', not both."; fi
if [ -z "$submission" ] && [ -z "$submissions" ]; then fail "give 'submission' (one learner's folder) or 'submissions' (a class folder)."; fi
case $format in
  text) extension=txt ;;
  json) extension=json ;;
  junit) extension=xml ;;
  markdown) extension=md ;;
  html) extension=html ;;
  *) fail "the input 'format' must be text, json, junit, markdown or html." ;;
esac
case $fail_on_failed in true | false) ;; *) fail "the input 'fail-on-failed-checks' must be true or false." ;; esac
if [ -n "${INPUT_SHARD:-}" ] && [ -z "$submissions" ]; then fail "'shard' splits a class: give it with 'submissions'."; fi

common=(--hint-level "$hint_level")
[ -n "${INPUT_HIDDEN:-}" ] && common+=(--hidden "$INPUT_HIDDEN")
[ -n "${INPUT_SCENARIOS:-}" ] && common+=(--scenarios "$INPUT_SCENARIOS")

summary() {
  [ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat >>"$GITHUB_STEP_SUMMARY"
  return 0
}

finish() {
  local status=$1
  set_output status "$status"
  if [ "$status" -ge 2 ] || { [ "$status" -eq 1 ] && [ "$fail_on_failed" = true ]; }; then
    exit "$status"
  fi
  exit 0
}

if [ -n "$submission" ]; then
  mkdir -p -- "$output" || fail "cannot create the folder named by 'output'."
  report="$output/report.$extension"
  # The log: the readable report, and on GitHub the annotations on the learner's files (printed once, here).
  "$iamlab" grade "$scenario" --submission "$submission" "${common[@]}"
  status=$?
  if [ "$status" -ge 2 ]; then
    finish "$status"
  fi
  # The report file, in the format asked for; then the score, from the results format (docs/results-format.md).
  GITHUB_ACTIONS=false "$iamlab" grade "$scenario" --submission "$submission" "${common[@]}" --format "$format" --output "$report" >/dev/null
  results="$output/results.json"
  if [ "$format" = json ]; then
    results=$report
  else
    GITHUB_ACTIONS=false "$iamlab" grade "$scenario" --submission "$submission" "${common[@]}" --format json --output "$results" >/dev/null
  fi
  # The top-level fields are the only ones indented by two spaces.
  score=$(sed -n 's/^  "score": \([0-9][0-9]*\),$/\1/p' "$results")
  max_score=$(sed -n 's/^  "maxScore": \([0-9][0-9]*\),$/\1/p' "$results")
  passed=$(sed -n 's/^  "passed": \(true\|false\),$/\1/p' "$results")
  [ -n "$score" ] && [ -n "$max_score" ] && [ -n "$passed" ] || fail "the grader's results ($results) have no score."
  set_output score "$score"
  set_output max-score "$max_score"
  set_output passed "$passed"
  set_output report "$report"
  # The job summary: the grader's Markdown report, which escapes everything it quotes from the learner's files.
  GITHUB_ACTIONS=false "$iamlab" grade "$scenario" --submission "$submission" "${common[@]}" --format markdown | summary
  finish "$status"
fi

class=(grade "$scenario" --submissions "$submissions" --format "$format" --output "$output" "${common[@]}")
[ -n "${INPUT_SHARD:-}" ] && class+=(--shard "$INPUT_SHARD")
log=$("$iamlab" "${class[@]}")
status=$?
printf '%s\n' "$log"
if [ "$status" -ge 2 ]; then
  finish "$status"
fi
# "ID: graded N submissions[ (share i/n of T)]: P passed, F failed, U unreadable; mean score S/M." (only numbers and the scenario id,
# which the grader found among its scenarios: nothing a learner wrote).
line=$(printf '%s\n' "$log" | grep -E '^[a-z0-9-]+: graded [0-9]+ submissions( \(share [0-9]+/[0-9]+ of [0-9]+\))?: [0-9]+ passed, [0-9]+ failed, [0-9]+ unreadable; mean score [0-9.]+/[0-9]+\.$' | head -n 1)
[ -n "$line" ] || fail "the grader printed no class summary."
score=$(sed -E 's|.*mean score ([0-9.]+)/([0-9]+)\.$|\1|' <<<"$line")
max_score=$(sed -E 's|.*mean score ([0-9.]+)/([0-9]+)\.$|\2|' <<<"$line")
set_output score "$score"
set_output max-score "$max_score"
set_output passed "$([ "$status" -eq 0 ] && echo true || echo false)"
set_output report "$output"
printf '### IAM lab: %s\n\n%s\n\nThe gradebook (`gradebook.csv`, `gradebook.json`) is in the report folder.\n' "${line%%:*}" "${line#*: }" | summary
finish "$status"
