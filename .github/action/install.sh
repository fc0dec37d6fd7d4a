#!/usr/bin/env bash
# Installs the iamlab .NET tool (package IamLab.Cli, command iamlab) into a folder. The GitHub Action (action.yml) runs
# it as its first step and the Dockerfile as its RUN step; the tests run it as both do (tests/IamLab.Cli.Tests/Packaging).
#
#   install.sh TOOL_DIR        the tool's command is then TOOL_DIR/iamlab (printed on the last line)
#
# Environment, every variable optional:
#   IAMLAB_SOURCE         a NuGet feed (an https URL or a folder) that holds the IamLab.Cli package; the tool is
#                         installed from it and from nothing else. Empty: the lab at IAMLAB_LAB is packed and installed.
#   IAMLAB_VERSION        the package version: with IAMLAB_SOURCE, the one to install (empty: the newest there); when
#                         packing, the version the package gets (default 0.0.0-local).
#   IAMLAB_LAB            the lab repository to pack (default: the one holding this script).
#   IAMLAB_FEED           the folder the packed package is written to (default: a new temporary folder).
#   IAMLAB_CONFIGURATION  the build configuration to pack (default Release).
#   IAMLAB_PACK_OPTIONS   more options for dotnet pack, split on spaces (the tests give --no-build).
#   GITHUB_OUTPUT         when set (GitHub Actions), the command's path is also written there as the output "iamlab".
#
# Only the named feed is used (a NuGet.Config with <clear/>): a package called IamLab.Cli on nuget.org or any other
# configured source is never installed instead. Nothing here is read from a learner's files.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: install.sh TOOL_DIR" >&2
  exit 2
fi
tool_dir=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=outputs.sh
. "$here/outputs.sh"
source_feed=${IAMLAB_SOURCE:-}
version=${IAMLAB_VERSION:-}

if [ -z "$source_feed" ]; then
  lab=${IAMLAB_LAB:-$(cd "$here/../.." && pwd)}
  if [ ! -f "$lab/src/IamLab.Cli/IamLab.Cli.csproj" ]; then
    echo "install.sh: $lab is not the lab's repository (no src/IamLab.Cli/IamLab.Cli.csproj); set IAMLAB_LAB or IAMLAB_SOURCE." >&2
    exit 2
  fi
  version=${version:-0.0.0-local}
  source_feed=${IAMLAB_FEED:-$(mktemp -d "${TMPDIR:-/tmp}/iamlab-feed.XXXXXX")}
  mkdir -p "$source_feed"
  # shellcheck disable=SC2086 # IAMLAB_PACK_OPTIONS is a list of options
  dotnet pack "$lab/src/IamLab.Cli" -c "${IAMLAB_CONFIGURATION:-Release}" -o "$source_feed" "-p:PackageVersion=$version" \
    -nologo ${IAMLAB_PACK_OPTIONS:-}
elif [ -d "$source_feed" ]; then
  source_feed=$(cd "$source_feed" && pwd)
fi

config_dir=$(mktemp -d "${TMPDIR:-/tmp}/iamlab-nuget.XXXXXX")
trap 'rm -rf "$config_dir"' EXIT
# The feed's address goes into XML: escape what XML gives a meaning to.
escaped=$(printf '%s' "$source_feed" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g')
cat >"$config_dir/NuGet.Config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="iamlab" value="$escaped" />
  </packageSources>
</configuration>
EOF

# "update" installs the tool when it is not there yet, and leaves the same version in place (the action run twice in a job).
args=(tool update IamLab.Cli --tool-path "$tool_dir" --configfile "$config_dir/NuGet.Config")
[ -n "$version" ] && args+=(--version "$version")
dotnet "${args[@]}"

command_path=$(cd "$tool_dir" && pwd)/iamlab
if [ ! -x "$command_path" ]; then
  echo "install.sh: dotnet tool update left no command at $command_path" >&2
  exit 1
fi
set_output iamlab "$command_path"
echo "$command_path"
