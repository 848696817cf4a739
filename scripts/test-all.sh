#!/usr/bin/env bash
# The whole test suite: static checks, unit, integration (simulators over HTTP), end-to-end (Chromium) and the
# keychain tests (real Secret Service in a private D-Bus session). Prints one summary line at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
out=test-output
mkdir -p "$out"
rm -f "$out"/vitest-*.json
status=0

step() { echo; echo "== $1"; }

step "lint, format, types"
npm run -s lint || status=1
npm run -s format:check || status=1
npm run -s typecheck || status=1

step "build the renderer (for the end-to-end tests)"
npm run -s build:renderer || status=1

step "unit, integration and end-to-end tests"
npx vitest run --project unit --project integration --project e2e \
  --reporter=default --reporter=json --outputFile.json="$out/vitest-main.json" || status=1

step "keychain tests (real Secret Service)"
bash scripts/with-keyring.sh vitest run --project keychain \
  --reporter=default --reporter=json --outputFile.json="$out/vitest-keychain.json" || status=1

step "summary"
node scripts/summarize-tests.mjs "$out"/vitest-*.json || status=1
exit $status
