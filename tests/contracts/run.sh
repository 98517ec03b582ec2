#!/usr/bin/env bash
# Contract checks, run by `./lmc test`: `buf lint` over protos/, and `buf breaking` against the
# commit that introduced the module and against the last released commit (named in
# `released-commit` beside this script; move it forward when a release lands), so that a v1
# package only ever grows (breaking changes go to a v2 package). google/api/{annotations,http}.proto
# are taken from the Microsoft.AspNetCore.Grpc.JsonTranscoding package in the NuGet cache (restored
# by the build) rather than copied into the repository.
# Then every service's event catalogue (services/*/Contracts/asyncapi.json) is validated with the
# AsyncAPI CLI, failing on warnings too; that a catalogue is the one its records make and breaks no
# earlier release is the architecture tests' part (Lmc.Architecture.Tests/Events).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
buf="$here/node_modules/.bin/buf"

version=$(sed -n 's/.*Include="Microsoft.AspNetCore.Grpc.JsonTranscoding" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
google="$packages/microsoft.aspnetcore.grpc.jsontranscoding/$version/content/protos/google"
[ -d "$google" ] || { echo "missing $google: run the build (dotnet restore) first" >&2; exit 1; }

common=$(sed -n 's/.*Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")
httpbody="$packages/google.api.commonprotos/$common/content/protos/google/api/httpbody.proto"
[ -f "$httpbody" ] || { echo "missing $httpbody: run the build (dotnet restore) first" >&2; exit 1; }

stage() { # stage <dest> : google/api (annotations, http, httpbody) for protos/ to import
  rm -rf "$1" && mkdir -p "$1"
  cp -r "$google" "$1/google"
  cp "$httpbody" "$1/google/api/"
}

passed=0 failed=0
check() { local name="$1"; shift; if "$@"; then passed=$((passed+1)); echo "PASS $name"; else failed=$((failed+1)); echo "FAIL $name"; fi; }

stage .stage/current
cp -r "$repo/protos/." .stage/current/
check "buf lint" "$buf" lint .stage/current

against() { # against <label> <commit>
  rm -rf .stage/base && stage .stage/base
  git -C "$repo" archive "$2" protos | tar -x -C .stage/base --strip-components=1
  check "buf breaking against $1 ${2:0:7}" "$buf" breaking .stage/current --against .stage/base
}

base=$(git -C "$repo" log --diff-filter=A --format=%H -- protos/buf.yaml 2>/dev/null | tail -n 1 || true)
if [ -n "$base" ]; then against "the first commit of protos/" "$base"; else echo "SKIP buf breaking: no earlier commit of protos/ to compare with"; fi

released=$(sed -n 's/^\([0-9a-f]\{40\}\)$/\1/p' "$here/released-commit" 2>/dev/null | head -n 1)
if [ -n "$released" ] && git -C "$repo" cat-file -e "$released^{commit}" 2>/dev/null; then
  against "the last release" "$released"
else
  echo "SKIP buf breaking against the last release: ${released:-no released-commit} is not in this clone's history"
fi

# The CLI's usage metrics off (no network here, nor any reason to report a build).
mkdir -p .stage && printf '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >.stage/asyncapi-analytics
export ASYNCAPI_METRICS_CONFIG_PATH="$here/.stage/asyncapi-analytics" SUPPRESS_NO_CONFIG_WARNING=1
validate() { # validate <catalogue>: quiet when it passes, the CLI's diagnostics when it does not
  local out
  out=$("$here/node_modules/.bin/asyncapi" validate "$1" --fail-severity warn 2>&1) || { echo "$out" >&2; return 1; }
}
for catalogue in "$repo"/services/*/Contracts/asyncapi.json; do
  check "asyncapi validate $(basename "$(dirname "$(dirname "$catalogue")")")" validate "$catalogue"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
