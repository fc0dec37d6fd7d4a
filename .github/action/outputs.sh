# Sourced by install.sh and grade.sh: writes a step output to $GITHUB_OUTPUT in GitHub's multi-line form
# (NAME<<DELIMITER, the value, DELIMITER) with a random delimiter, so that a value holding a newline (a folder name
# from an input, say) cannot add an output of its own (GitHub's "Workflow commands" reference, "Multiline strings":
# https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#multiline-strings). Does nothing
# outside GitHub Actions (no GITHUB_OUTPUT).
set_output() {
  [ -n "${GITHUB_OUTPUT:-}" ] || return 0
  local delimiter
  delimiter="iamlab_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  case $2 in *"$delimiter"*) echo "outputs.sh: the value of $1 holds the delimiter" >&2; return 1 ;; esac
  printf '%s<<%s\n%s\n%s\n' "$1" "$delimiter" "$2" "$delimiter" >>"$GITHUB_OUTPUT"
}
