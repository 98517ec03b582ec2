#!/usr/bin/env bash
# The scaffold's promise, checked in a throw-away copy of the repository (run by `./lmc test`):
# `./lmc new-service` changes nothing outside services/<name>/, protos/lmc/<package>/, tests/Lmc.<Name>.Tests/
# and the solution; the new service builds, migrates and passes its own tests; the chart renders it and
# skaffold builds it (tests/chart/run.sh); the gateway routes every operation of its proto with the policy its
# verb implies; the architecture tests and the authorization matrix cover it.
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
name="scaffold-check"
pascal="ScaffoldCheck"
work="$(mktemp -d "${TMPDIR:-/tmp}/lmc-scaffold.XXXXXX")"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
step() { # label, command...: the command's output is shown only when it fails
  local label="$1"; shift
  local log; log="$(mktemp)"
  if "$@" >"$log" 2>&1; then pass "$label"; else fail "$label"; tail -n 60 "$log" | sed 's/^/     /'; fi
  rm -f "$log"
}

tests() { # label, dotnet test arguments...: passes only when some test ran and none failed
  local label="$1"; shift
  local log; log="$(mktemp)"
  if dotnet test "$@" -nologo >"$log" 2>&1 && grep -Eq "Passed!.*Passed: +[1-9]" "$log"; then
    pass "$label ($(grep -Eo "Total: +[0-9]+" "$log" | head -n 1))"
  else
    fail "$label"; tail -n 60 "$log" | sed 's/^/     /'
  fi
  rm -f "$log"
}

# The repository as git sees it (tracked and new files, no build output), committed so `git status` shows the
# scaffold's changes alone. The chart tests' tools are shared with the original instead of installed again.
cd "$repo"
git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf - | tar -xf - -C "$work"
for shared in tests/chart/node_modules tests/chart/.tools; do
  [ -e "$repo/$shared" ] && ln -s "$repo/$shared" "$work/$shared"
done
cd "$work"
git init -q
git add -A
git -c user.name=scaffold -c user.email=scaffold@lmc.invalid commit -qm "before the scaffold"

step "./lmc new-service $name --owner jwg:$name" ./lmc new-service "$name" --owner "jwg:$name"

outside="$(git status --porcelain --untracked-files=all | cut -c4- \
  | grep -Ev "^(services/$name/|protos/lmc/${name//-/}/|tests/Lmc\.$pascal\.Tests/|Lmc\.Platform\.sln$)" || true)"
if [ -z "$outside" ]; then
  pass "the scaffold touched only its folders and the solution"
else
  fail "the scaffold touched files outside its folders:"
  echo "$outside" | sed 's/^/     /'
fi
git status --porcelain --untracked-files=all | cut -c4- | sed 's/^/     /'

tests "its own tests pass (real PostgreSQL and RabbitMQ)" "tests/Lmc.$pascal.Tests"
step "the chart renders it and skaffold builds it" bash tests/chart/run.sh
# Its rows are made at run time (one theory over every proto), so the whole route test runs.
tests "the gateway routes every operation, its own included, with the policy its verb implies" \
  tests/Lmc.Gateway.Tests --filter "FullyQualifiedName~RoutesFromContracts"
tests "the architecture tests and the authorization matrix cover it" \
  tests/Lmc.Architecture.Tests --filter "DisplayName~$name"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
