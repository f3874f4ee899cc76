#!/usr/bin/env bash
# Runs every test of oO: installs what the tests need (PostgreSQL, Chromium), restores, builds,
# runs all test projects, and ends with one line "N passed, N failed, N skipped" from the TRX results.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The OpenAPI linter that tests/OO.Tests/Api/OpenApiLintTests.cs runs, pinned by tools/openapi's
# package-lock.json: installed once; later runs (offline too) find the same lock installed and skip it.
if ! cmp -s tools/openapi/package-lock.json tools/openapi/node_modules/.package-lock.json.installed; then
  npm ci --prefix tools/openapi --no-audit --no-fund --loglevel=error
  cp tools/openapi/package-lock.json tools/openapi/node_modules/.package-lock.json.installed
fi

# The offline Kubernetes schema validator that tests/OO.Tests/Storage/KubernetesManifestTests.cs runs, pinned the same way.
if ! cmp -s tools/k8s/package-lock.json tools/k8s/node_modules/.package-lock.json.installed; then
  npm ci --prefix tools/k8s --no-audit --no-fund --loglevel=error
  cp tools/k8s/package-lock.json tools/k8s/node_modules/.package-lock.json.installed
fi

# The accessibility engine that tests/OO.Browser.Tests/Infrastructure/Accessibility.cs injects into each page, pinned the same way.
if ! cmp -s tools/axe/package-lock.json tools/axe/node_modules/.package-lock.json.installed; then
  npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error
  cp tools/axe/package-lock.json tools/axe/node_modules/.package-lock.json.installed
fi

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet restore OO.sln --nologo -v quiet
dotnet build OO.sln --no-restore --nologo -v quiet -clp:ErrorsOnly
set +e
dotnet test OO.sln --no-build --nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3600000
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(value total); executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
